// Pair 3: Maya Hussain (Year 3, cerebral palsy), Rivermouth City Council, "1. ... (Section A)" template with a
// contents page, the title block in a table and provision in tables. Corrections arrive as response letters: one from
// her parents and one from her school's SENCo, each a numbered list of requested amendments quoting the draft.
import type { CorrectionVerdict, Expectations, SampleSpec, SpecBlock } from "../../spec.ts";
import { RequestedChanges, pick, type PlanVersion } from "./versions.ts";

interface LetterRequest {
  id: string;
  text: string;
  correction: CorrectionVerdict;
}

/** The parents' letter (pair-3-response-parent), item by item; `id` ties each item to the plan text it is about. */
const PARENT_REQUESTS: LetterRequest[] = [
  {
    id: "p1",
    text: "Section A, page 2: please add that Maya loves swimming. She goes every Saturday morning with her dad and is very proud of her 10-metre badge. The pool is the one place where she can move freely, and it matters a lot to her.",
    correction: "carried-over",
  },
  {
    id: "p2",
    text: "Section F, page 4: change 'regular support' to '15 hours a week of 1:1 support from a trained teaching assistant'. Maya needs an adult with her for most of the day, and that adult needs to be trained in moving and handling and in her intimate care.",
    correction: "partly-carried-over",
  },
  {
    id: "p3",
    text: "Section B, page 3: please remove the paragraph that begins 'At lunchtime Maya has hit other pupils'. This is not about Maya. She has never hit anyone, and she eats her lunch in the small hall with an adult. We think it has been copied from another child's plan, which was very upsetting to read.",
    correction: "not-carried-over",
  },
  {
    id: "p4",
    text: "Section C, page 3: the date of Maya's last orthopaedic review is wrong. It was on 2 June 2026, not '2 January 2026'.",
    correction: "carried-over",
  },
  {
    id: "p5",
    text: "Section G, page 6: please change 'Physiotherapy as required' to 'a block of six weekly 45-minute sessions each term', which is what Mr Okoro recommends in his report.",
    correction: "carried-over",
  },
  {
    id: "p6",
    text: "Section E, page 3: outcome 3 says 'Maya will move around school more independently.' This cannot be measured. Please change it to 'By July 2027, Maya will walk from her classroom to the school hall with her walking frame, with one adult nearby but not holding her.'",
    correction: "not-carried-over",
  },
  {
    id: "p7",
    text: "Section I: please name Ashcombe Primary School. Maya is settled and happy there, and the school has told us that it can meet her needs.",
    correction: "carried-over",
  },
  {
    id: "p8",
    text: "Section K: thank you for including Mr Okoro's physiotherapy report. We have no changes to this section.",
    correction: "not-a-correction",
  },
];

/** The SENCo's letter (pair-3-response-school). */
const SCHOOL_REQUESTS: LetterRequest[] = [
  {
    id: "s1",
    text: "Section F, page 5: the plan says 'Access to a laptop for writing.' Maya needs her own laptop with Clicker predictive-text software set up, for every writing task. Please change the wording to 'Her own laptop with Clicker predictive-text software set up, for every writing task.' Sharing the class laptops has not worked, as they are often in use or not charged.",
    correction: "carried-over",
  },
  {
    id: "s2",
    text: "Section B, page 3: Maya's reading age is given as '4 years 8 months'. This was her score in January. When we reassessed her on 1 July 2026 her reading age was 5 years 2 months (Salford Sentence Reading Test). Please update this.",
    correction: "carried-over",
  },
  {
    id: "s3",
    text: "Section F, page 4: the moving and handling row says the plan 'will be followed for all transfers'. Please add 'by two adults trained in moving and handling', as Mr Okoro's physiotherapy advice says that two adults are needed for all of Maya's transfers.",
    correction: "partly-carried-over",
  },
];

const SPECIFIC: Expectations = { provision: "specific" };
const VAGUE: Expectations = { provision: "vague" };

function blocks(version: PlanVersion): SpecBlock[] {
  const asked = new RequestedChanges(version, [...PARENT_REQUESTS, ...SCHOOL_REQUESTS]);
  const v = (draft: string, final: string): string => pick(version, draft, final);

  const provisionTable = (rows: [string[], Expectations][]) => ({
    table: {
      header: ["Area of need", "Provision", "Staffing", "Frequency and duration"],
      rows: rows.map(([row]) => row),
      expect: rows.map(([, expectation]) => expectation),
      widths: [2, 5, 2.2, 2.2],
    },
  });

  return [
    { h: "Education, Health and Care Plan", level: 1 },
    { p: "Rivermouth City Council – Special Educational Needs Assessment Team" },
    {
      table: {
        header: ["Plan details", ""],
        rows: [
          ["Child's name", "Maya Hussain"],
          ["Date of birth", "21 July 2019"],
          ["Plan status", v("Draft EHC plan", "Final EHC plan")],
          ["Date of request for assessment", "11 May 2026"],
          ["Date draft plan issued", "7 September 2026"],
          ["Date final plan issued", v("Not yet issued", "28 September 2026")],
          ["Date of plan", v("7 September 2026", "28 September 2026")],
          ["Review date", v("6 September 2027", "27 September 2027")],
          ["EHC coordinator", "Nadia Clarke"],
        ],
        widths: [4, 6],
      },
    },
    { toc: true },
    { pageBreak: true },

    { section: "A", title: "Views, interests and aspirations" },
    {
      p: "Maya's views were gathered by her speech and language therapist, Ellie Brooks, using Talking Mats on 9 June 2026, and by her class teacher, Miss Lewis. Maya speaks in short phrases and her speech can be hard to understand for people who do not know her, so staff who know her well helped to interpret. Her parents, Imran and Aisha Hussain, wrote the second part of this section.",
    },
    { h: "What Maya told us" },
    {
      p: "On the Talking Mat, Maya put “playing with Zara”, “music”, “painting” and “the iPad” under “I like”. She put “PE”, “writing” and “the big playground” under “I don't like”, and said “too fast” and “I fall”.",
    },
    {
      p: asked.on(
        "p1",
        "Maya said: “I like Miss Lewis. I like singing.” When she was asked what she would like to be when she grows up, she said “a teacher” and pointed to Miss Lewis.",
        "Maya said: “I like Miss Lewis. I like singing.” When she was asked what she would like to be when she grows up, she said “a teacher” and pointed to Miss Lewis. Maya loves swimming: she goes every Saturday morning with her dad and is very proud of her 10-metre badge. In the pool she can move freely.",
      ),
    },
    { h: "What is important to Maya" },
    {
      ul: [
        "Being with her friends and not being left out because of her frame.",
        "Her family, especially her baby brother, Yusuf.",
        "Music, singing and dancing in her wheelchair.",
        "Doing things for herself.",
      ],
    },
    { h: "How to communicate with Maya" },
    {
      p: "Get down to Maya's level and make eye contact. Speak clearly and give her time: she understands much more than she can say. If you do not understand her, ask her to show you or to try another word – do not pretend that you have understood. She uses Makaton signs alongside her speech.",
    },
    { h: "What Maya's parents say" },
    {
      p: "Maya is a determined, sociable and happy little girl with a great sense of humour. She works very hard at her physiotherapy even when it hurts. We want Maya to be included in everything at school, including PE, trips and playtimes, and to be as independent as she can be. We want her to learn to read and write so that she can communicate with everyone.",
    },
    { p: "Our main worries are that Maya gets very tired by the afternoon, that she is sometimes left out at playtime, and that she cannot yet use the toilet at school without help." },

    { section: "B", title: "Special educational needs" },
    {
      p: "The needs below are taken from the advice listed in Section K, in particular the psychological advice from Dr Rachel Ames, Educational Psychologist (15 July 2026), the physiotherapy advice from Ben Okoro, Paediatric Physiotherapist (30 June 2026), and the speech and language therapy advice from Ellie Brooks, Speech and Language Therapist (24 June 2026).",
    },
    { h: "Physical and sensory" },
    {
      p: "Maya has cerebral palsy (spastic diplegia), which affects both legs and, to a lesser extent, her hands. She walks short distances with a posterior walking frame and uses a manual wheelchair, pushed by an adult, for longer distances and when she is tired. She needs help with every transfer: from her wheelchair to a chair, to the toilet and to the floor for carpet time.",
    },
    { p: "Maya's fine motor skills are delayed. She finds it hard to hold a pencil, to cut with scissors and to manage buttons and zips. Hannah Lowe, Occupational Therapist, found that her hand skills are those of a typical four-year-old." },
    { p: "Maya needs help with toileting and changing. She can tell an adult when she needs the toilet, but she cannot yet manage her clothing or move on and off the toilet safely on her own." },
    { h: "Communication and interaction" },
    {
      p: "Maya has mild dysarthria (the muscles she uses for speech are weak), so her speech is slow and can be hard to understand. Ms Brooks found that her understanding of language is broadly in line with her age, but that her expressive language is about 18 months behind. She uses Makaton signs to support her speech.",
    },
    { h: "Cognition and learning" },
    {
      p: `Dr Ames found that Maya's verbal reasoning is within the average range, and that slow processing speed and visual-perceptual difficulties affect her learning. Maya is working below age-related expectations in reading, writing and maths. Her reading age is ${asked.on("s2", "4 years 8 months", "5 years 2 months (Salford Sentence Reading Test, 1 July 2026)")}. She knows all the Phase 3 sounds and is learning Phase 5.`,
    },
    { p: "Maya tires quickly and her concentration drops sharply in the afternoons. Handwriting is slow and effortful: she can write her name and a few simple words." },
    { h: "Social, emotional and mental health" },
    { p: "Maya is a happy, sociable girl with friends in her class. She can become frustrated and tearful when people do not understand her, or when she cannot keep up with other children at playtime." },
    {
      p: asked.on(
        "p3",
        "At lunchtime Maya has hit other pupils when queueing for her lunch and has been taken out of the dining hall on two occasions this term. Staff use a behaviour chart with rewards to encourage her to keep her hands to herself.",
      ),
    },

    { section: "C", title: "Health needs related to SEN" },
    {
      p: `Maya is under the care of Dr Samir Gupta, Consultant Paediatrician at Rivermouth Children's Hospital, and the orthopaedic team. Her last orthopaedic review was on ${asked.on("p4", "2 January 2026", "2 June 2026")}, when it was agreed that she will keep wearing night splints and be reviewed again in twelve months.`,
    },
    { p: "Maya wears ankle-foot orthoses (AFOs) during the day and night splints at home. She has tight hamstrings and calf muscles and needs daily stretches." },
    { p: "Maya has mild constipation, which is managed with medication at home and makes regular toileting important. She has no allergies. She tires easily because of the physical effort of moving and of sitting upright, and this affects her learning in the afternoons." },

    { section: "D", title: "Social care needs" },
    {
      p: "Maya's family were assessed by the Children with Disabilities Team in June 2026. Maya's parents care for her very well at home, with help from her grandmother. Because of her disability Maya needs adapted equipment at home, and her parents need short breaks so that they can also spend time with her baby brother.",
    },

    { section: "E", title: "Outcomes" },
    { p: "These outcomes were agreed with Maya's parents and her school at the planning meeting on 14 August 2026." },
    {
      ol: [
        "By July 2027, Maya will read and understand simple sentences in a book matched to her phonics level, reading at least 20 words with 90% accuracy.",
        "By July 2027, Maya will write a simple sentence of at least five words on a laptop, with a capital letter and a full stop.",
        asked.on("p6", "Maya will move around school more independently."),
        "By July 2027, Maya will tell an adult when she needs the toilet and will manage her clothing with help from one adult, on 4 out of 5 school days.",
        "By July 2027, Maya will join in a game at playtime with at least two friends, with an adult setting it up, on at least three days a week.",
        "By July 2028, Maya will make herself understood to adults who do not know her well, using speech, Makaton and her communication book, in at least 3 out of 4 attempts.",
      ],
    },

    { section: "F", title: "Special educational provision" },
    { p: "The provision below will be made by Maya's school. Where a therapist is named, the therapy educates or trains Maya and is therefore special educational provision.", notProvision: true },
    { h: "Physical and sensory needs" },
    provisionTable([
      [
        [
          "All areas",
          asked.on(
            "p2",
            "Maya will receive regular support in class to access the curriculum, and help with moving around school and with personal care.",
            "Maya will receive 15 hours a week of support from a teaching assistant in class to access the curriculum, and help with moving around school and with personal care.",
          ),
          "Teaching assistant",
          v("Throughout the school day", "15 hours a week"),
        ],
        version === "draft" ? VAGUE : SPECIFIC,
      ],
      [
        [
          "Moving and handling",
          `A moving and handling plan, written by the physiotherapist and reviewed each term, ${asked.on("s3", "will be followed for all transfers.", "will be followed for all transfers, by an adult trained in moving and handling.")}`,
          "Teaching assistants trained in moving and handling",
          "Every transfer, throughout the day",
        ],
        SPECIFIC,
      ],
      [["Posture and seating", "A specialist classroom chair with a footplate, and a sloping writing surface, in every lesson.", "Class teacher", "Every lesson"], SPECIFIC],
      [["Stretching and exercise", "Maya's daily stretching and exercise programme, written by the physiotherapist.", "Teaching assistant trained by the physiotherapist", "20 minutes every school day"], SPECIFIC],
      [["Fine motor skills", "A fine motor programme set by the occupational therapist.", "Teaching assistant", "15 minutes, 3 times a week"], SPECIFIC],
      [["Toileting and personal care", "Help with toileting and changing in the accessible toilet, following Maya's intimate care plan, using the changing bench and hoist.", "Two adults trained in intimate care and in using the hoist", "At least 3 times a day"], SPECIFIC],
      [["Fatigue", "Rest breaks when she is tired.", "Class staff", "As needed"], VAGUE],
      [["PE and school trips", "PE lessons will be adapted following the physiotherapist's advice, and a risk assessment will be written before each school trip so that Maya can take part.", "PE teacher and class teacher", "Every PE lesson and every trip"], SPECIFIC],
      [["Safety", "A personal emergency evacuation plan (PEEP).", "SENCo and site manager", "Reviewed each term"], SPECIFIC],
    ]),
    { h: "Communication and learning" },
    provisionTable([
      [
        ["Writing", asked.on("s1", "Access to a laptop for writing.", "Her own laptop with Clicker predictive-text software set up, for every writing task."), "Class teacher; school IT technician to set it up", "Every writing task"],
        version === "draft" ? VAGUE : SPECIFIC,
      ],
      [["Reading", "A 1:1 phonics session at Maya's phonics level, using the school's systematic synthetic phonics programme.", "Teaching assistant trained in the programme", "15 minutes, 5 times a week"], SPECIFIC],
      [["Maths", "Small group maths support.", "Teaching assistant", "As required"], VAGUE],
      [["Speech", "Speech and language therapy with Maya, and a programme for school staff to follow between blocks.", "Speech and language therapist, Rivermouth Children's Therapy Service", "A block of 6 weekly 30-minute sessions each term"], SPECIFIC],
      [["Speech", "Maya's speech and language therapy programme, practised 1:1.", "Teaching assistant trained by the speech and language therapist", "10 minutes, 4 times a week"], SPECIFIC],
      [["Signing", "All adults who work with Maya will be trained in Makaton (Level 1), and key signs will be used in class.", "Makaton tutor; class staff", "One two-day course, completed by December 2026"], SPECIFIC],
      [["Communication book", "A communication book with photographs and symbols.", "Speech and language therapist and class teacher", "Updated every half term"], SPECIFIC],
    ]),
    { h: "Social and emotional needs" },
    provisionTable([
      [["Playtimes", "An adult will set up an inclusive game on the small playground with Maya and two or three friends.", "Midday supervisor", "15 minutes, 3 lunchtimes a week"], SPECIFIC],
      [["Feelings", "Opportunities to talk about her feelings.", "Key adult", "Regularly"], VAGUE],
      [["Review", "The SENCo will hold a review meeting with Maya's parents and therapists.", "SENCo", "45 minutes, once a term"], SPECIFIC],
    ]),

    { section: "G", title: "Health provision" },
    {
      table: {
        header: ["Health provision", "Provider", "Frequency"],
        rows: [
          [asked.on("p5", "Physiotherapy as required.", "Physiotherapy in school with a paediatric physiotherapist: a block of six weekly 45-minute sessions each term."), "Rivermouth Children's Therapy Service", v("As required", "6 × 45 minutes each term")],
          ["Orthopaedic review of Maya's hips, legs and feet.", "Orthopaedic team, Rivermouth Children's Hospital", "Once a year"],
          ["Provision and fitting of ankle-foot orthoses and night splints.", "Orthotics service, Rivermouth Children's Hospital", "Reviewed every 6 months"],
          ["Hydrotherapy.", "Physiotherapy department, Rivermouth Children's Hospital", "One 30-minute session a week for 6 weeks each spring term"],
          ["Review of Maya's wheelchair and walking frame.", "Rivermouth Wheelchair Service", "Once a year, and whenever Maya outgrows her equipment"],
        ],
        expect: [version === "draft" ? VAGUE : SPECIFIC, SPECIFIC, SPECIFIC, SPECIFIC, SPECIFIC],
        widths: [5, 3.5, 3],
      },
    },

    { section: "H1", title: "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970" },
    {
      ul: [
        { text: "A specialist bath seat and a stair lift at Maya's home, assessed for by the council's occupational therapist and installed by the adaptations team by March 2027.", ...SPECIFIC },
      ],
    },
    { section: "H2", title: "Other social care provision" },
    {
      ul: [{ text: "Short breaks: 6 hours a month at the Oak Tree Saturday Club for disabled children, funded by Rivermouth Children's Services.", ...SPECIFIC }],
    },

    { section: "I", title: "Placement" },
    {
      p: asked.on(
        "p7",
        "To be named in the final plan.",
        "Ashcombe Primary School, Ashcombe Road, Rivermouth: a mainstream community primary school for pupils aged 4 to 11.",
      ),
    },

    { section: "J", title: "Personal budget" },
    { p: "Maya's parents have not asked for a personal budget." },

    { section: "K", title: "Advice and information" },
    { p: asked.on("p8", "The following advice was obtained for Maya's EHC needs assessment and is attached to this plan:") },
    {
      ul: [
        "Advice from Maya's parents, Imran and Aisha Hussain, 25 May 2026",
        "Educational advice: Ms R. Fairweather, SENCo, Ashcombe Primary School, 12 June 2026",
        "Psychological advice: Dr Rachel Ames, Educational Psychologist, Rivermouth Educational Psychology Service, 15 July 2026",
        "Medical advice: Dr Samir Gupta, Consultant Paediatrician, Rivermouth Children's Hospital, 22 June 2026",
        "Physiotherapy advice: Ben Okoro, Paediatric Physiotherapist, Rivermouth Children's Therapy Service, 30 June 2026",
        "Speech and language therapy advice: Ellie Brooks, Speech and Language Therapist, Rivermouth Children's Therapy Service, 24 June 2026",
        "Occupational therapy advice: Hannah Lowe, Occupational Therapist, Rivermouth Children's Therapy Service, 2 July 2026",
        "Social care advice: Jade Williams, Social Worker, Children with Disabilities Team, Rivermouth City Council, 19 June 2026",
      ],
    },
  ];
}

function letter(opening: SpecBlock[], requests: LetterRequest[], closing: SpecBlock[]): SpecBlock[] {
  return [...opening, { ol: requests.map(({ text, correction }) => ({ text, correction })) }, ...closing];
}

const SECTIONS = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"] as const;
const NOTES_COMMON = "Maya Hussain, Year 3, cerebral palsy. Title block in a table, contents page, provision in tables.";

export const pair3: SampleSpec[] = [
  {
    id: "pair-3-draft",
    kind: "plan",
    template: "numbered-bracket",
    runningHeader: "Maya Hussain   DOB: 21.07.2019   DRAFT",
    blocks: blocks("draft"),
    expect: {
      sections: [...SECTIONS],
      facts: { childName: "Maya Hussain", dateOfBirth: "2019-07-21", status: "draft", requestDate: "2026-05-11", draftIssuedDate: "2026-09-07", planDate: "2026-09-07", reviewDate: "2027-09-06" },
      notes: `${NOTES_COMMON} Corrections come in two response letters: pair-3-response-parent and pair-3-response-school.`,
    },
  },
  {
    id: "pair-3-final",
    kind: "plan",
    template: "numbered-bracket",
    runningHeader: "Maya Hussain   DOB: 21.07.2019",
    blocks: blocks("final"),
    expect: {
      sections: [...SECTIONS],
      facts: { childName: "Maya Hussain", dateOfBirth: "2019-07-21", status: "final", requestDate: "2026-05-11", draftIssuedDate: "2026-09-07", finalIssuedDate: "2026-09-28", planDate: "2026-09-28", reviewDate: "2027-09-27" },
      draftOf: "pair-3-draft",
      notes: `${NOTES_COMMON} Issued exactly 20 weeks after the request. Still has the lunchtime behaviour paragraph copied from another child (parent item 3) and the unmeasurable outcome 3 (parent item 6). Unrequested edits: the G physiotherapy frequency cell, the review date.`,
    },
  },
  {
    id: "pair-3-response-parent",
    kind: "response-letter",
    alsoText: true,
    blocks: letter(
      [
        { p: "Imran and Aisha Hussain" },
        { p: "14 Kingfisher Close, Rivermouth" },
        { p: "18 September 2026" },
        { p: "SEN Assessment Team, Rivermouth City Council, Civic Centre, Rivermouth" },
        { p: "Dear Ms Clarke," },
        { p: "**Re: Draft EHC plan for Maya Hussain (date of birth 21 July 2019)**" },
        {
          p: "Thank you for sending us Maya's draft EHC plan, dated 7 September 2026. We have read it carefully, with help from Maya's class teacher, and we would like to ask for the amendments below. Where we can, we have quoted the wording in the draft and the wording we would like instead.",
        },
        { h: "Requested amendments" },
      ],
      PARENT_REQUESTS,
      [
        { p: "We would be grateful if you could confirm which of these changes will be made. If any are not made, please tell us why, so that we can consider our options, including mediation." },
        { p: "Yours sincerely," },
        { p: "Imran and Aisha Hussain" },
      ],
    ),
    expect: {
      sections: [],
      notes: "Parents' response to pair-3-draft: 8 numbered items – 4 carried over (1, 4, 5, 7), 2 not carried over (3, 6), 1 partly carried over (2), 1 not a correction (8).",
    },
  },
  {
    id: "pair-3-response-school",
    kind: "response-letter",
    alsoText: true,
    blocks: letter(
      [
        { p: "Ashcombe Primary School, Ashcombe Road, Rivermouth" },
        { p: "16 September 2026" },
        { p: "To: Nadia Clarke, EHC coordinator, SEN Assessment Team, Rivermouth City Council" },
        { p: "Dear Nadia," },
        { p: "**Maya Hussain (DOB 21/07/2019) – comments on the draft EHC plan of 7 September 2026**" },
        { p: "Thank you for the draft plan. We agree with most of it. We would ask for the following changes:" },
      ],
      SCHOOL_REQUESTS,
      [
        { p: "I am happy to discuss any of these before the plan is finalised." },
        { p: "Kind regards," },
        { p: "Ms R. Fairweather, SENCo, Ashcombe Primary School" },
      ],
    ),
    expect: {
      sections: [],
      notes: "The SENCo's response to pair-3-draft: 3 numbered items – 2 carried over (1, 2), 1 partly carried over (3).",
    },
  },
];
