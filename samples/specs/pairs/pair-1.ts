// Pair 1: Amara Okafor (Year 4, developmental language disorder), Castlebrook Council, "Section X:" template with
// provision in tables. The draft carries Word comments from her mother and her SENCo; the final acts on some of them.
// The final is also the plan that the advice reports in ../advice/ are checked against: its Section F carries some
// of their recommendations as written, some in a weaker form and leaves some out (see each recommendation's label).
import type { Expectations, SampleSpec, SpecBlock, SpecComment } from "../../spec.ts";
import { AMARA_ADVISERS } from "../advice/amara-okafor-advisers.ts";
import { commentedText, pick, type PlanVersion } from "./versions.ts";

const PARENT = "Parent – Sarah Okafor";
const SENCO = "SENCo – Mr D. Hughes";

const COMMENTS: SpecComment[] = [
  { id: "c1", author: PARENT, date: "2026-06-08T19:42:00Z", text: "This is not her name. Her name is Amara.", correction: "not-carried-over" },
  { id: "c2", author: PARENT, date: "2026-06-08T19:55:00Z", text: "Please change to 'three 30-minute sessions a week' from a speech and language therapist – that is what Ms Raman's report says.", correction: "not-carried-over" },
  { id: "c3", author: SENCO, date: "2026-06-10T08:20:00Z", text: "Add the OT advice here – Mr Whitfield's report of 31 March is not mentioned anywhere in Section B.", correction: "carried-over" },
  { id: "c4", author: PARENT, date: "2026-06-08T20:03:00Z", text: "Remove this sentence, it is about another child. Amara does not have ADHD and does not take any medication.", correction: "carried-over" },
  { id: "c5", author: SENCO, date: "2026-06-10T08:12:00Z", text: "Amara is in Year 4 now.", correction: "carried-over" },
  { id: "c6", author: PARENT, date: "2026-06-08T20:10:00Z", text: "Please change to 1:1 phonics, 20 minutes every day, as Dr Marsh recommends.", correction: "partly-carried-over" },
  { id: "c7", author: SENCO, date: "2026-06-10T08:31:00Z", text: "This outcome can't be measured. Suggest: 'By July 2027, Amara will write three connected sentences independently, using capital letters and full stops, in at least three pieces of work out of five.'", correction: "carried-over" },
  { id: "c8", author: PARENT, date: "2026-06-08T19:40:00Z", text: "Agreed, thank you – this is exactly how she is at home.", correction: "not-a-correction" },
  { id: "c9", author: SENCO, date: "2026-06-10T08:26:00Z", text: "Has the paediatrician's report been included? Checked – it is listed in Section K, so no change needed.", correction: "not-a-correction" },
  { id: "c10", author: PARENT, date: "2026-06-08T20:05:00Z", text: "Thanks, we agree that Amara has no social care needs.", correction: "not-a-correction" },
  { id: "c11", author: PARENT, date: "2026-06-08T20:16:00Z", text: "Please say where the quiet space is and who will go with her – she will not go on her own.", correction: "partly-carried-over" },
];

const { psychology: ep, speechAndLanguage: salt, occupationalTherapy: ot } = AMARA_ADVISERS;
const SPECIFIC: Expectations = { provision: "specific" };
const VAGUE: Expectations = { provision: "vague" };

function blocks(version: PlanVersion): SpecBlock[] {
  const c = commentedText(version, COMMENTS);
  const v = (draft: string, final: string): string => pick(version, draft, final);

  // Section F rows: [need, provision, who, how often], with the expectation for this version.
  const fRows = (rows: [string[], Expectations][]) => ({
    table: {
      header: ["Need (see Section B)", "Provision", "Who will provide it", "How often and for how long"],
      rows: rows.map(([row]) => row),
      expect: rows.map(([, expectation]) => expectation),
      widths: [2, 5, 2.2, 2.2],
    },
  });

  return [
    { h: "Education, Health and Care Plan", level: 1 },
    { p: "Castlebrook Council – Special Educational Needs and Disabilities (SEND) Service" },
    { p: "**Child's name:** Amara Okafor" },
    { p: "**Date of birth:** 14 March 2017" },
    { p: `**Plan status:** ${v("Draft EHC plan", "Final EHC plan")}` },
    { p: "**Date of request for EHC needs assessment:** 2 February 2026" },
    { p: "**Date draft plan issued:** 1 June 2026" },
    { p: `**Date final plan issued:** ${v("not yet issued", "17 June 2026")}` },
    { p: `**Date of plan:** ${v("1 June 2026", "17 June 2026")}` },
    { p: `**Date of first review:** ${v("31 May 2027", "16 June 2027")}` },
    { p: "**Caseworker:** Joanna Reeve, SEND Casework Officer" },
    {
      p: v(
        "This is a draft plan. Please send any comments or changes you would like to the SEND Service within 15 days of the date above. Section I will be completed when the final plan is issued.",
        "This is Amara's final EHC plan. It takes account of the comments received from Amara's parents and her school on the draft.",
      ),
    },

    { section: "A", title: "Views, interests and aspirations" },
    {
      p: `This section was written with Amara and her parents, Sarah and David Okafor. Amara shared her views with ${ep.name}, educational psychologist, on 10 March 2026, using a drawing and talking activity, and with Mrs Patel, her teaching assistant, in school. Where Amara's own words are used they are in quotation marks.`,
    },
    { h: "What Amara says" },
    { p: "Amara told Dr Marsh: “I like drawing cats and horses. I like my friend Lily because she waits for me.”" },
    { p: "When she was asked about school, Amara said: “Writing makes my hand hurt. I don't like it when everyone is talking at the same time, it makes my head go fuzzy.”" },
    { p: "Amara said she is happiest “at Nana's house” and when she is “doing art with Mrs Patel”. The best thing about school is “golden time on Friday”." },
    { p: "When she grows up, Amara would like to “be a vet or an artist, or both”." },
    { h: "What is important to Amara" },
    {
      ul: [
        "Knowing what is going to happen next in the day.",
        "Having her friend Lily nearby at playtime.",
        "Her cat, Biscuit, and drawing animals.",
        "Being given time to answer – she knows what she wants to say but needs longer to find the words.",
      ],
    },
    { h: "How best to communicate with Amara" },
    {
      p: "Say Amara's name before you give an instruction, keep sentences short and give one instruction at a time. Show her a picture or point to her visual timetable. Wait at least ten seconds for her to answer before you repeat the question. Amara will often say “yes” when she has not understood, so ask her to show you what she has to do.",
    },
    { h: "What Amara's parents say" },
    {
      p: c.on("c8", "Amara is a kind, funny and caring girl who loves animals and art. At home she is chatty with her family, but she becomes very quiet with people she does not know."),
    },
    { p: `${v("Amara lives with her mum, dad and younger brother Tobi.", "Amara lives at home with her mum, dad and her younger brother, Tobi.")} She spends most Sunday afternoons with her grandmother.` },
    { p: `Mrs Okafor says that ${c.on("c1", "Amelia")} comes home from school exhausted and sometimes upset, and that homework ends in tears most evenings.` },
    {
      p: "Mr and Mrs Okafor would like Amara to learn to read well enough to enjoy books on her own, to feel confident about asking for help, and to have friends she can rely on. They are worried about how she will cope with the move to secondary school in September 2028.",
    },

    { section: "B", title: "Special educational needs" },
    {
      p: `Amara's needs are described below under the four broad areas of need in the SEND Code of Practice. The information comes from the advice listed in Section K, in particular the psychological advice from ${ep.name} (${ep.date}), the speech and language therapy advice from ${salt.name} (${salt.date}) and the educational advice from Larkhill Vale Primary School (6 March 2026).`,
    },
    { p: `Amara is in ${c.on("c5", "Year 3", "Year 4")} at Larkhill Vale Primary School, a mainstream primary school. She has been on the school's SEN register since Reception.` },
    { h: "Communication and interaction", level: 3 },
    {
      p: "Amara has a developmental language disorder, diagnosed by the speech and language therapy service in 2024. Ms Raman's assessment (CELF-5UK, March 2026) found that Amara's understanding of spoken language is at the 5th percentile and her expressive language at the 9th percentile for her age. She finds it hard to follow instructions with more than two parts, to understand words about time and position (before, after, between), and to learn and remember new vocabulary.",
    },
    {
      p: "Amara's speech sounds are clear, but she finds it hard to put her ideas into sentences in the right order, and her spoken stories lack a clear beginning, middle and end. She uses non-specific words (“thing”, “that one”) when she cannot find the word she wants.",
    },
    { p: "In class, Amara often watches other children to work out what to do. Adults report that she can appear to understand when she has not." },
    { h: "Cognition and learning", level: 3 },
    {
      p: "Dr Marsh's assessment found that Amara's non-verbal reasoning is within the average range (standard score 98), while her verbal comprehension is well below average (standard score 76). Her working memory for spoken information is a particular weakness (standard score 74).",
    },
    {
      p: "Amara is working well below age-related expectations in reading and writing. Her reading age is 6 years 4 months (New Group Reading Test, February 2026). She knows most Phase 3 phonemes but is not yet secure with Phase 4 and 5, and she guesses words from their first letter. Her writing is usually one or two short sentences, with little punctuation.",
    },
    { p: "In maths, Amara is working about one year below age-related expectations. She understands number to 100 with concrete resources, but finds word problems hard because of the language they use." },
    {
      p: `Amara's attention in lessons varies. ${c.on("c4", "He has a diagnosis of ADHD and takes medication at lunchtime, which is given by the school office. ", "")}She can concentrate for about 10 minutes on an adult-led task, and for longer on drawing.`,
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      p: "Amara is a sociable girl with one close friend, Lily. Unstructured times are difficult for her: at lunchtime she often stands at the edge of the playground, and this term she has come back to class upset on at least two days a week. Dr Marsh noted that Amara's anxiety is linked to not understanding what others say and to noisy, busy places.",
    },
    { p: "Amara sometimes becomes tearful and refuses to start writing tasks. Her parents report that she worries about school on Sunday evenings." },
    { h: "Sensory and/or physical", level: 3 },
    {
      p: c.on(
        "c3",
        "Amara has difficulties with fine motor skills. Her handwriting is large and hard to read, and she tires quickly when writing.",
        `Amara has difficulties with fine motor skills. Her handwriting is large and hard to read, and she tires quickly when writing. ${ot.name}'s occupational therapy advice (${ot.date}) found that her fine motor and visual-motor skills are below the 5th percentile for her age (Movement ABC-3). She holds her pencil in a tight fisted grip. She seeks movement and deep pressure, fidgeting and leaning on furniture when she has been sitting for a long time, which affects her attention.`,
      ),
    },
    { p: "Amara's hearing was tested by the audiology service in January 2026 and is within normal limits (see Section C)." },

    { section: "C", title: "Health needs related to SEN" },
    { p: "Amara is generally healthy. She had recurrent glue ear between the ages of two and four and had grommets fitted in 2020. Her hearing is now within normal limits (audiology, January 2026)." },
    {
      p: `Dr Adaeze Bello, Consultant Community Paediatrician, saw Amara on 10 March 2026. ${c.on("c9", "Her medical advice confirms the diagnosis of developmental language disorder and notes no other health needs that affect Amara's learning.")}`,
    },
    { p: `Dr Bello will see Amara again in ${v("September", "October")} 2026. Amara sleeps well and has no dietary needs.` },

    { section: "D", title: "Social care needs" },
    {
      p: c.on(
        "c10",
        "Amara has no social care needs. Castlebrook Children's Services (Duty and Assessment Team) confirmed on 4 March 2026 that Amara is not known to children's social care and that no social care needs were identified.",
      ),
    },

    { section: "E", title: "Outcomes" },
    {
      p: "The outcomes below were agreed with Amara's parents and her school. They look ahead to the end of Key Stage 2 (July 2028), with steps to reach by July 2027. Progress will be reviewed at each annual review.",
    },
    {
      ol: [
        "Communication: by July 2027, Amara will follow a two-part spoken instruction in class without a visual prompt on 4 out of 5 occasions, as recorded by her teaching assistant.",
        "Communication: by July 2027, Amara will retell a short story with a clear beginning, middle and end, using a story planner.",
        "Reading: by July 2027, Amara will read a book at her phonics level aloud with 95% accuracy and answer three simple questions about it. By July 2028, her reading age will be within two years of her age.",
        `Writing: ${c.on("c7", "Amara will be able to write independently.", "by July 2027, Amara will write three connected sentences independently, using capital letters and full stops, in at least three pieces of work out of five.")}`,
        "Friendships: Amara will be happier at lunchtimes and will make more friends.",
        "Handwriting: by July 2027, Amara will form all lowercase letters correctly and write for 10 minutes without saying that her hand hurts.",
        "Independence: by July 2028, Amara will tell an adult when she has not understood, using her help card or her own words, at least once a day without being prompted.",
      ],
    },

    { section: "F", title: "Special educational provision" },
    {
      p: `The provision below will be made at Larkhill Vale Primary School. It is based on the advice in Section K, in particular ${ep.name}'s psychological advice (${ep.date}), ${salt.name}'s speech and language therapy advice (${salt.date}) and ${ot.name}'s occupational therapy advice (${ot.date}). Speech and language therapy and occupational therapy educate and train Amara, so they are set out here in Section F.`,
      notProvision: true,
    },
    { h: "Communication and interaction", level: 3 },
    fRows([
      [["Understanding and using language", `${c.on("c2", "Regular speech and language support")} in school, following the targets in the speech and language therapy advice.`, "Castlebrook Children's Therapy Service", "Regular, to be agreed with the therapist"], VAGUE],
      [["Vocabulary", "A vocabulary programme using the Word Aware approach, in a group of no more than 3 pupils, with targets set by the speech and language therapist.", "Teaching assistant trained by the speech and language therapist", "20 minutes, 4 times a week"], SPECIFIC],
      [["Narrative and sentence structure", "Opportunities to develop her narrative skills in a small group.", "Teaching assistant", "As appropriate"], VAGUE],
      [["Understanding instructions", "Adults will give instructions one step at a time, in short sentences, with the key words stressed and a visual cue, and will check that Amara has understood by asking her to show or tell them what to do.", "Class teacher, teaching assistant and every adult who teaches Amara", "Every lesson, throughout the school day"], SPECIFIC],
      [["Understanding the school day", "A visual timetable on Amara's desk, and a task board that breaks each independent task into numbered steps with pictures.", "Class teacher and teaching assistant", "Every lesson, every day"], SPECIFIC],
      [["Staff knowledge of Amara's language needs", "Training for Amara's class teacher and teaching assistant in the strategies in the speech and language therapy advice.", "Speech and language therapist", "One 1-hour session each term"], SPECIFIC],
    ]),
    { h: "Cognition and learning", level: 3 },
    fRows([
      [
        version === "draft"
          ? ["Reading (phonics)", `${c.on("c6", "Small group phonics sessions")} using the school's phonics programme.`, "Teaching assistant", "3 times a week"]
          : ["Reading (phonics)", `${c.on("c6", "Small group phonics sessions", "A 1:1 structured, cumulative phonics programme (Read Write Inc. Fresh Start)")}, delivered by a teaching assistant trained in the programme.`, "Teaching assistant trained in Read Write Inc. Fresh Start", "20 minutes, 3 times a week"],
        version === "draft" ? VAGUE : SPECIFIC,
      ],
      [["Reading (sight words)", "Precision teaching of high-frequency words as appropriate.", "Teaching assistant", "As appropriate"], VAGUE],
      [["Reading practice", "Amara will read aloud 1:1 to an adult, using books matched to her phonics stage.", "Teaching assistant or class teacher", "10 minutes every school day"], SPECIFIC],
      [["Vocabulary for learning", "Pre-teaching of 8 key topic words, with pictures, before each new topic.", "Teaching assistant", "One 15-minute session in the week before each new topic"], SPECIFIC],
      [["Writing", "Writing frames, word mats and sentence starters for every extended writing task.", "Class teacher", "Every extended writing task"], SPECIFIC],
      [["Maths", "Concrete resources (Numicon and bead strings) in every maths lesson, and a same-day catch-up session on the key idea of the lesson.", "Teaching assistant", "15 minutes, 3 times a week"], SPECIFIC],
      [["Tests and assessments", "25% extra time and an adult reader in all tests and assessments, including the Key Stage 2 tests where the Standards and Testing Agency's rules allow.", "Class teacher and SENCo", "Every test and assessment"], SPECIFIC],
    ]),
    { h: "Social, emotional and mental health", level: 3 },
    fRows([
      [["Starting the day calmly", "A named key adult (Mrs Patel, teaching assistant) will meet Amara at the classroom door, go through her visual timetable with her and talk about anything that is worrying her, and will check in with her again after lunch.", "Mrs Patel, teaching assistant", "10 minutes at the start of each day and 5 minutes after lunch"], SPECIFIC],
      [["Lunchtimes", "Access to a lunchtime club.", "School", "As needed"], VAGUE],
      [["Calming down", c.on("c11", "Amara will have access to a quiet space when she needs it.", "Amara will have access to a quiet space in the school library when she needs it."), "School", "When needed"], VAGUE],
      [["Talking about feelings", "Amara will be taught to use a 5-point worry scale to show how she is feeling, and will use it at her morning and after-lunch check-ins.", "Key adult (Mrs Patel)", "Two 15-minute teaching sessions, then at every check-in"], SPECIFIC],
    ]),
    { h: "Sensory and physical", level: 3 },
    fRows([
      [["Fine motor skills", "A fine motor programme (Clever Fingers), with activities set by the occupational therapist.", "Teaching assistant", "15 minutes a day, 5 days a week"], SPECIFIC],
      [["Handwriting", "A sloping writing board and a triangular pencil grip in every lesson where Amara writes.", "Class teacher", "Every lesson with writing"], SPECIFIC],
      [["Sitting still and attention", "Movement breaks as needed.", "Class teacher", "As needed"], VAGUE],
      [["Getting ready to learn", "A sensory circuit (alerting, organising and calming activities) before registration.", "Teaching assistant trained by the occupational therapist", "10 minutes every morning"], SPECIFIC],
    ]),
    { h: "Planning and review", level: 3 },
    fRows([
      [["All needs", "The SENCo will meet Amara's parents to review her progress towards the outcomes in Section E and to update her provision map.", "SENCo (Mr D. Hughes)", "30 minutes, once a term (3 times a year)"], SPECIFIC],
      [["Changing class", "Two visits to her new classroom and a transition booklet with photographs of her new teacher, teaching assistant and classroom.", "Class teacher and teaching assistant", "Two 30-minute visits in July, before each change of class"], SPECIFIC],
    ]),

    { section: "G", title: "Health provision" },
    { p: "Amara's speech and language therapy and occupational therapy are set out in Section F.", notProvision: true },
    {
      ul: [
        { text: "Dr Bello, Consultant Community Paediatrician, will review Amara's development at the Castlebrook Child Development Centre once a year.", ...SPECIFIC },
        { text: "The audiology service will test Amara's hearing once a year because of her history of glue ear; the next appointment is in January 2027.", ...SPECIFIC },
      ],
    },

    { section: "H1", title: "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970" },
    { p: "None. Amara has no social care needs (see Section D).", notProvision: true },
    { section: "H2", title: "Other social care provision" },
    { p: "None.", notProvision: true },

    { section: "I", title: "Placement" },
    {
      p: v(
        "To be named in the final plan. Mr and Mrs Okafor have asked for Amara to stay at Larkhill Vale Primary School, where she is on roll.",
        "Larkhill Vale Primary School, Orchard Lane, Castlebrook: a mainstream maintained primary school (community school) for pupils aged 4 to 11.",
      ),
    },

    { section: "J", title: "Personal budget" },
    { p: "Mr and Mrs Okafor have not asked for a personal budget." },

    { section: "K", title: "Advice and information" },
    { p: "The following advice and information was gathered during Amara's EHC needs assessment. Copies are attached to this plan." },
    {
      table: {
        header: ["Advice", "Given by", "Role and organisation", "Date"],
        rows: [
          ["Parental advice", "Sarah and David Okafor", "Amara's parents", "23 February 2026"],
          ["Educational advice", "Mr D. Hughes", "SENCo, Larkhill Vale Primary School", "6 March 2026"],
          ["Psychological advice", ep.name, `${ep.role}, ${ep.organisation}`, ep.date],
          ["Medical advice", "Dr Adaeze Bello", "Consultant Community Paediatrician, Castlebrook Community Health NHS Trust", "10 March 2026"],
          ["Speech and language therapy advice", salt.name, `${salt.role}, ${salt.organisation}`, salt.date],
          ["Occupational therapy advice", ot.name, `${ot.role}, ${ot.organisation}`, ot.date],
          ["Social care advice", "Duty and Assessment Team", "Castlebrook Children's Services (no social care needs identified)", "4 March 2026"],
        ],
        widths: [3, 2.5, 5, 2],
      },
    },
  ];
}

const notesCommon =
  "Amara Okafor, Year 4, developmental language disorder. Section F is a table. Advice reports pair-1-advice-ep, pair-1-advice-salt and pair-1-advice-ot belong to this child.";

export const pair1: SampleSpec[] = [
  {
    id: "pair-1-draft",
    kind: "plan",
    template: "section-colon",
    runningHeader: "Amara Okafor – DOB 14/03/2017 – DRAFT EHC plan – OFFICIAL-SENSITIVE",
    blocks: blocks("draft"),
    comments: COMMENTS,
    expect: {
      sections: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"],
      facts: { childName: "Amara Okafor", dateOfBirth: "2017-03-14", status: "draft", requestDate: "2026-02-02", draftIssuedDate: "2026-06-01", planDate: "2026-06-01", reviewDate: "2027-05-31" },
      notes: `${notesCommon} Draft with 11 Word comments from her mother and her SENCo: 4 carried over, 2 not carried over (c1 the wrong name "Amelia", c2 the vague speech and language support), 2 partly carried over, 3 that ask for nothing.`,
    },
  },
  {
    id: "pair-1-final",
    kind: "plan",
    template: "section-colon",
    runningHeader: "Amara Okafor – DOB 14/03/2017 – EHC plan – OFFICIAL-SENSITIVE",
    blocks: blocks("final"),
    expect: {
      sections: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"],
      facts: { childName: "Amara Okafor", dateOfBirth: "2017-03-14", status: "final", requestDate: "2026-02-02", draftIssuedDate: "2026-06-01", finalIssuedDate: "2026-06-17", planDate: "2026-06-17", reviewDate: "2027-06-16" },
      draftOf: "pair-1-draft",
      notes: `${notesCommon} Final issued in week 19, 16 days after the draft. Still calls her "Amelia" once (comment c1 ignored) and still says "regular speech and language support" (c2 ignored). Unrequested edits: Section I filled in, the paediatric review moved from September to October, one sentence in Section A reworded, the review date moved.`,
    },
  },
];
