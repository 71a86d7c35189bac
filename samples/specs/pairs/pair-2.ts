// Pair 2: Oliver ("Ollie") Brennan (Year 7, autistic, anxious since moving to secondary school), Harrowfield County
// Council, "Part X –" template with a first-person Part A and provision in bullet lists. His mother and his SENCo
// made their corrections as tracked changes in the draft. The final was issued late (week 22) and with one of the
// caseworker's Word comments still in it: a plan issued unresolved.
import type { Expectations, SampleSpec, SpecBlock, SpecComment, SpecItem, SpecRevision } from "../../spec.ts";
import { TrackedText, keptItems, pick, type PlanVersion } from "./versions.ts";

const PARENT = "Parent – Joanne Brennan";
const SENCO = "SENCo – Mrs K. Adeyemi";

const REVISIONS: SpecRevision[] = [
  { id: "r1", author: PARENT, date: "2026-01-14T20:31:00Z", correction: "carried-over" },
  { id: "r2", author: PARENT, date: "2026-01-14T20:38:00Z", correction: "carried-over" },
  // r3 + r4: one replacement, partly made in the final (the calm space is named, the adult checking on him is not).
  { id: "r3", author: SENCO, date: "2026-01-16T12:05:00Z", correction: "partly-carried-over" },
  { id: "r4", author: SENCO, date: "2026-01-16T12:05:00Z", correction: "partly-carried-over" },
  { id: "r5", author: SENCO, date: "2026-01-16T12:12:00Z", correction: "not-carried-over" },
  { id: "r6", author: PARENT, date: "2026-01-14T20:49:00Z", correction: "not-carried-over" },
  { id: "r7", author: PARENT, date: "2026-01-14T20:41:00Z", correction: "carried-over" },
  // r8 + r9: one replacement, made in full.
  { id: "r8", author: SENCO, date: "2026-01-16T12:20:00Z", correction: "carried-over" },
  { id: "r9", author: SENCO, date: "2026-01-16T12:20:00Z", correction: "carried-over" },
  { id: "r10", author: SENCO, date: "2026-01-16T12:26:00Z", correction: "carried-over" },
];

/** Left in the final by the caseworker: the defect the checker must catch (the final still carries a comment). */
const UNRESOLVED: SpecComment = {
  id: "c1",
  author: "SEN Caseworker – Lee Patel",
  date: "2026-02-06T16:47:00Z",
  text: "Still waiting for Brackenbury to confirm they can meet Ollie's needs in the Hub – do not issue until they reply.",
};

const SPECIFIC: Expectations = { provision: "specific" };
const VAGUE: Expectations = { provision: "vague" };
const item = (text: string, expectation: Expectations): SpecItem => ({ text, ...expectation });

function blocks(version: PlanVersion): SpecBlock[] {
  const t = new TrackedText(version, REVISIONS);
  const v = (draft: string, final: string): string => pick(version, draft, final);

  return [
    { h: "Education, Health and Care Plan", level: 1 },
    { p: "Harrowfield County Council · SEND Statutory Assessment Team" },
    { p: "Name: Oliver Brennan" },
    { p: "Date of birth: 02/11/2013" },
    { p: `Status of plan: ${v("Draft EHC plan", "Final EHC plan")}` },
    { p: "Date request for assessment received: 08/09/2025" },
    { p: "Date draft plan issued: 05/01/2026" },
    { p: `Date final plan issued: ${v("not yet issued", "09/02/2026")}` },
    { p: `Date of plan: ${v("05/01/2026", "09/02/2026")}` },
    { p: `Date of next review: ${v("04/01/2027", "08/02/2027")}` },
    { p: "SEN Caseworker: Lee Patel" },

    { section: "A", title: "All about me" },
    {
      p: "This part was written by Ollie with his mum and his form tutor, Mr Daniels, in November 2025. The parts written as “I” are Ollie's own words, typed by Mr Daniels as Ollie said them. “What my family say” was written by his mum, Joanne Brennan.",
    },
    { h: "About me" },
    { p: "My name is Oliver but everyone calls me Ollie. I am 12 and I am in Year 7 at Brackenbury Academy. I live with my mum, my sister Grace and our dog, Pixel." },
    {
      p: `I like computers, coding and Minecraft. ${t.ins("r1", "I am really good at Minecraft and last year I built a model of our whole town in it. ")}I also like trains and I know all the stations between Harrowfield and London.`,
    },
    { p: "People say I am honest, funny and really good at remembering facts." },
    { h: "What I find hard" },
    {
      p: "I find it hard when it is noisy in the corridors and the canteen. It makes me feel like my head is going to explode. I don't like it when teachers change the plan without telling me, or when we have a supply teacher.",
    },
    { p: "I find it hard to know what to say to people in my class. Sometimes I say the wrong thing and they laugh and I don't know why." },
    { p: "Writing a lot is hard. My hand gets tired and I can't get the ideas out of my head onto the paper. I like typing better." },
    { h: "What helps me" },
    {
      ul: [
        "When teachers tell me what is going to happen in the lesson at the start.",
        "Having my exit card so I can leave when it is too much.",
        "Wearing my ear defenders in the canteen.",
        "Being told things straight, not in jokes or sarcasm.",
      ],
    },
    { h: "My hopes for the future" },
    {
      p: "When I am older I want to be a games designer. I want to go to college to learn computer science. I would like to have a friend who likes the same things as me, and to be able to go into town on the bus by myself.",
    },
    { h: "How to communicate with me" },
    { p: "Say my name first. Tell me exactly what you mean. Give me time to think before I answer. If I am upset, don't ask me lots of questions – let me go to the Hub and talk to me later." },
    { h: "What my family say" },
    {
      p: "We are proud of how hard Ollie tries. Primary school was a good place for him, but the move to secondary school has been very hard. Since September he has had stomach aches most mornings and has missed 14 days of school. We would like Ollie to feel safe at school, to have at least one adult he trusts, and to be able to learn without being overwhelmed. Our biggest worry is that he will stop going to school altogether. (Joanne Brennan, Mum)",
    },

    { section: "B", title: "My special educational needs" },
    {
      p: "Ollie's needs are described below. They are taken from the advice listed in Part K, especially the psychological advice from Dr Samuel Ortiz (29 October 2025), the occupational therapy advice from Rachel Cho (4 November 2025) and the educational advice from Brackenbury Academy (14 October 2025).",
    },
    { h: "Communication and interaction" },
    {
      p: "Ollie is autistic. He has a wide vocabulary and talks in detail about his interests, but he finds two-way conversation difficult. He takes language literally and can misunderstand jokes, sarcasm and instructions such as “get on with it”. He finds it hard to read other people's facial expressions and tone of voice, and to join in with group work.",
    },
    {
      p: "Ollie has few friends at school. He wants friends but does not know how to start a conversation or keep it going, and he has been teased in the canteen. Dr Ortiz noted that Ollie's social understanding is well below that expected for his age.",
    },
    { h: "Cognition and learning" },
    {
      p: `Ollie's cognitive ability is in the average to above average range (Dr Ortiz, October 2025), with particular strengths in visual reasoning and long-term memory. He is working ${v("at", "above")} age-related expectations in maths and science.`,
    },
    {
      p: "Ollie's written work does not show what he knows. His handwriting is slow (9 words a minute, where about 15 is typical for his age) and he finds it hard to plan and organise longer pieces of writing. His reading accuracy is age-appropriate, but he finds it hard to infer meaning, especially characters' feelings and motives.",
    },
    { h: "Social, emotional and mental health" },
    {
      p: "Ollie's anxiety has increased since he started secondary school. He has stomach aches on school mornings, and he has missed 14 days since September. At school he sometimes shuts down – he puts his head on the desk and will not speak – or leaves the classroom without permission when he is overwhelmed. Changes to routine, supply teachers and noisy spaces are the main triggers.",
    },
    { h: "Sensory and physical" },
    {
      p: `${t.del("r2", "Oliver has no difficulties with sensory processing. ")}Ms Cho's sensory profile (November 2025) shows that Ollie is over-responsive to noise and touch: the corridors between lessons, the canteen and the school bell cause him real distress. He avoids crowded places and will not eat in the canteen. His fine motor skills are slightly below average, which adds to his slow handwriting.`,
    },

    { section: "C", title: "My health needs" },
    {
      p: `${t.ins("r7", "Ollie was diagnosed with autism by the Harrowfield Children's Neurodevelopmental Service on 14 March 2022. ")}Ollie has no physical health problems. He finds it hard to get to sleep and takes melatonin, prescribed by Dr Fiona Grant, Community Paediatrician, which has helped. He is a very selective eater and eats a small range of foods.`,
    },
    { p: "Ollie is on the waiting list for the Harrowfield Child and Adolescent Mental Health Service (CAMHS) for help with anxiety. Dr Lena Hoffmann, Clinical Psychologist, CAMHS, gave advice on 30 October 2025 (see Part K)." },

    { section: "D", title: "My social care needs" },
    {
      p: "Ollie was assessed by the Disabled Children's Team (social worker Mark Evans) in October 2025 as a child in need under section 17 of the Children Act 1989. Because of his anxiety and his difficulty with road safety and unexpected situations, Ollie cannot go out in the community without an adult. His mum is a single parent who works part-time, and his sister Grace, who is 8, also needs her time. The family need short breaks, and Ollie needs help to take part in activities outside school.",
    },

    { section: "E", title: "My outcomes" },
    { p: "These outcomes were agreed with Ollie and his mum. They look ahead to the end of Key Stage 3 (July 2029), with steps for the next year." },
    {
      ol: [
        `${t.replace("r8", "r9", "In time,", "By July 2027,")} I will go to every lesson on my timetable, using my exit card and the Hub when I need to, so that my attendance is above 90%.`,
        "By July 2027, I will have a conversation with a classmate about something we both like, at lunchtime or in a club, at least twice a week, without an adult starting it.",
        "By July 2027, I will type a piece of writing of at least 300 words, using a planning frame, in English and in humanities.",
        "By July 2027, I will tell an adult when I start to feel anxious, using my 1–5 scale, before I need to leave the lesson.",
        "I will be more independent.",
        "By July 2029, I will travel on my own by bus to a place I know in Harrowfield town centre.",
      ],
    },

    { section: "F", title: "The support I will get" },
    { p: "Brackenbury Academy will provide the support below unless another provider is named. It is based on the advice listed in Part K.", notProvision: true },
    { h: "Communication and interaction" },
    {
      ul: keptItems([
        item("A named key worker (Mrs Shah, specialist autism teaching assistant in the Hub) will meet Ollie at the school gate at 8.35am every day and spend 10 minutes going through his timetable, telling him about any changes.", SPECIFIC),
        item("Every member of staff who teaches Ollie will be given his one-page profile at the start of each term and will give instructions in clear, literal language.", SPECIFIC),
        item("Ollie's key worker will use Social Stories and comic strip conversations with him, 1:1, for 20 minutes twice a week.", SPECIFIC),
        item("Ollie will be given opportunities to practise social skills.", VAGUE),
        item(t.ins("r5", "Ollie will attend a social skills group (LEGO-based therapy) led by the school's ELSA, for 45 minutes once a week, in a group of 3 pupils."), SPECIFIC),
      ]),
    },
    { h: "Cognition and learning" },
    {
      ul: keptItems([
        // The deletion of "where possible" was not made: the final's statement stays hedged.
        item(`Ollie will be taught maths in a set with a teacher he knows${t.del("r6", " where possible")}.`, version === "draft" ? SPECIFIC : VAGUE),
        item("Ollie will use a laptop for all written work longer than a paragraph, in every subject, and will be taught to touch-type with a typing programme for 15 minutes, 3 times a week, in form time.", SPECIFIC),
        item("Teachers will give Ollie a planning frame for every extended piece of writing in English, history, geography and RE.", SPECIFIC),
        item("Teachers will give Ollie a printed copy of the lesson slides and the homework instructions at the start of each lesson.", SPECIFIC),
        item("Support with inference in reading as required.", VAGUE),
        item(t.ins("r10", "Exam access arrangements: 25% extra time and a separate room with no more than 6 pupils for all internal exams, as assessed by the school's access arrangements assessor."), SPECIFIC),
      ]),
    },
    { h: "Social, emotional and mental health" },
    {
      ul: [
        item(
          `Ollie will have ${t.replace(
            "r3",
            "r4",
            "access to a calm space",
            "a named calm space (the Hub) that he can go to at any time by showing his exit card, with a trained teaching assistant checking on him within 5 minutes",
            "a named calm space (the Hub) that he can go to at any time by showing his exit card",
          )}.`,
          SPECIFIC,
        ),
        item("Ollie will have ELSA sessions with the school's Emotional Literacy Support Assistant, 30 minutes once a week for 8 weeks, on recognising and managing anxiety using his 1–5 scale.", SPECIFIC),
        item("Ollie will eat his lunch in the Hub with no more than 6 other pupils, supervised by a Hub teaching assistant, every day.", SPECIFIC),
        item("Ollie will leave each lesson 3 minutes early so that he can move to his next classroom before the corridors are busy.", SPECIFIC),
        item("Ollie's key worker will phone or email his mum every Friday to tell her how the week has gone.", SPECIFIC),
        item("Regular check-ins with his head of year.", VAGUE),
      ],
    },
    { h: "Sensory and physical" },
    {
      ul: [
        item("Ollie will be allowed to wear his ear defenders in any lesson, in assemblies and at lunchtime.", SPECIFIC),
        item("Ollie will have a 5-minute sensory break in the Hub once in the morning and once in the afternoon, following the programme in the occupational therapy advice.", SPECIFIC),
        item("Fine motor activities as recommended by the OT.", VAGUE),
      ],
    },

    { section: "G", title: "My health provision" },
    {
      ul: [
        item("CAMHS will offer Ollie 8 weekly 50-minute sessions of cognitive behavioural therapy adapted for autistic young people, with a clinical psychologist, starting by April 2026.", SPECIFIC),
        item("Dr Grant, Community Paediatrician, will review Ollie's melatonin every 6 months.", SPECIFIC),
        item("Dietetic advice if needed.", VAGUE),
      ],
    },

    { section: "H1", title: "Social care provision under section 2 of the CSDPA 1970" },
    {
      ul: [item("A personal assistant, paid for through a direct payment (see Part J), will support Ollie to take part in activities in the community for 3 hours every Saturday.", SPECIFIC)],
    },
    { section: "H2", title: "Other social care provision" },
    {
      ul: [
        item("Ollie will have one overnight short break a month at Willow Lodge short breaks centre, arranged by the Disabled Children's Team.", SPECIFIC),
        item("Ollie's social worker will review his child in need plan with the family every 3 months.", SPECIFIC),
      ],
    },

    { section: "I", title: "My school" },
    {
      p: v(
        "To be confirmed in the final plan. Ollie's mum has asked that he stays at Brackenbury Academy, where he is on roll.",
        "{c:c1}Brackenbury Academy{/c}, a mainstream secondary academy for pupils aged 11 to 18, with a resourced provision for autistic pupils (the Hub).",
      ),
    },

    { section: "J", title: "Personal budget" },
    { p: "Ollie's mum receives a direct payment of £52.50 a week from Harrowfield Children's Services to employ the personal assistant in Part H1 (3 hours a week at £17.50 an hour)." },

    { section: "K", title: "Advice and information" },
    { p: "This plan draws on the following advice, which is attached:" },
    {
      ul: [
        "Parental advice – Joanne Brennan, parent, 26 September 2025",
        "Educational advice – Mrs K. Adeyemi, SENCo, Brackenbury Academy, 14 October 2025",
        "Psychological advice – Dr Samuel Ortiz, Educational Psychologist, Harrowfield Educational Psychology Service, 29 October 2025",
        "Medical advice – Dr Fiona Grant, Community Paediatrician, Harrowfield Community Health, 21 October 2025",
        "Occupational therapy advice – Rachel Cho, Occupational Therapist, Harrowfield Children's Therapy Service, 4 November 2025",
        "Mental health advice – Dr Lena Hoffmann, Clinical Psychologist, Harrowfield CAMHS, 30 October 2025",
        "Social care advice – Mark Evans, Social Worker, Disabled Children's Team, Harrowfield County Council, 17 October 2025",
      ],
    },
  ];
}

const SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"] as const;

export const pair2: SampleSpec[] = [
  {
    id: "pair-2-draft",
    kind: "plan",
    template: "part-dash",
    runningHeader: "Oliver Brennan | DOB 02/11/2013 | Draft EHC Plan",
    blocks: blocks("draft"),
    revisions: REVISIONS,
    expect: {
      sections: [...SECTIONS],
      facts: { childName: "Oliver Brennan", dateOfBirth: "2013-11-02", status: "draft", requestDate: "2025-09-08", draftIssuedDate: "2026-01-05", planDate: "2026-01-05", reviewDate: "2027-01-04" },
      notes:
        "Oliver Brennan, Year 7, autistic. First-person Part A; provision in bullet lists. 10 tracked changes from his mother and his SENCo, forming 8 corrections (r3+r4 and r8+r9 are replacements, each pair sharing one verdict): r1, r2, r7, r8+r9, r10 carried over; r5 (social skills group) and r6 (deleting \"where possible\") not carried over; r3+r4 (calm space) partly carried over.",
    },
  },
  {
    id: "pair-2-final",
    kind: "plan",
    template: "part-dash",
    runningHeader: "Oliver Brennan | DOB 02/11/2013 | EHC Plan",
    blocks: blocks("final"),
    comments: [UNRESOLVED],
    expect: {
      sections: [...SECTIONS],
      facts: { childName: "Oliver Brennan", dateOfBirth: "2013-11-02", status: "final", requestDate: "2025-09-08", draftIssuedDate: "2026-01-05", finalIssuedDate: "2026-02-09", planDate: "2026-02-09", reviewDate: "2027-02-08" },
      draftOf: "pair-2-draft",
      notes:
        "Issued in week 22 (late: the 20-week limit was 26/01/2026) and with the caseworker's Word comment c1 still in Part I (unresolved). Unrequested edits: Part I filled in, maths and science changed from \"at\" to \"above\" age-related expectations, the review date moved.",
    },
  },
];
