// A DRAFT plan in the "table-sections" template: each section is a two-column Word table, the section letter and name
// on the left and the content on the right; the title block is a table too. Early years child (Down syndrome) moving
// from pre-school to Reception. Placement (I) is left blank as a draft should be; no review date is set yet.
// Provision is in bullet lists inside the table cells, mostly specific, with a few vague statements.
import type { SampleSpec } from "../../spec.ts";
import { NOT_PROVISION, SPECIFIC, VAGUE } from "./shared.ts";

export const freddieLawson: SampleSpec = {
  id: "plan-freddie-lawson-draft",
  kind: "plan",
  template: "table-sections",
  runningHeader: "Freddie Lawson  DOB 03/02/2022  DRAFT EHC plan",
  blocks: [
    { h: "Northshire County Council – Education, Health and Care Plan (DRAFT)", level: 1 },
    {
      table: {
        header: [],
        rows: [
          ["Name", "Freddie Lawson"],
          ["Date of birth", "3 February 2022"],
          ["Plan status", "Draft EHC plan"],
          ["Date of request for EHC needs assessment", "19 January 2026"],
          ["Date draft issued", "18 May 2026"],
          ["Date final issued", "Not yet issued"],
          ["Plan date", "18 May 2026"],
          ["Review", "The first review will take place within 6 months of the final plan being issued."],
          ["Current setting", "Little Acorns Pre-School, Northfield"],
          ["SEND caseworker", "Mark Ellery, SEND Casework Officer"],
        ],
        widths: [2, 3],
      },
    },
    {
      p: "This is a draft plan. Freddie's parents have 15 calendar days from the date the draft was issued to tell us what they think of it, to ask for a meeting, and to say which school they would like to be named in Section I.",
    },

    { section: "A", title: "Views, interests and aspirations" },
    { h: "About Freddie", level: 3 },
    {
      p: "Freddie is four. He lives with his mum and dad, Hannah and Josh Lawson, and his big brother Alfie, who is seven. He goes to Little Acorns Pre-School five mornings a week and will start in Reception in September 2026.",
    },
    { h: "What Freddie tells us", level: 3 },
    {
      p: "Freddie uses about 30 single words and 50 Makaton signs. His key worker at Little Acorns, Mrs Jo Pearce, spent time with Freddie over two weeks in March 2026 using photographs of his favourite things and activities, and noted what he chose, signed and said. His parents did the same at home.",
    },
    {
      ul: [
        "When shown photographs of pre-school activities, Freddie chose the sand tray, the slide and the songs at circle time every time. He said “more!” and signed “again” when the songs finished.",
        "He pointed to the photograph of Alfie and said “Alfie, my Alfie”, and to the photograph of his dog and said “Bonnie walk”.",
        "He pushed away the photograph of the hand dryer and signed “no”. Mrs Pearce has seen him cover his ears when the hand dryer is used.",
        "At home, Freddie signs “music” and “dance” to ask for his favourite songs, and says “me do it” when he wants to try something by himself.",
      ],
    },
    { h: "How to communicate with Freddie", level: 3 },
    {
      p: "Use Makaton signs with your words, and keep your words short (one or two key words). Show him real objects or photographs for what is happening next. Give him time – up to ten seconds – to answer. Freddie copies other children, so let him watch a friend first.",
    },
    { h: "What Freddie's parents say", level: 3 },
    {
      p: "“Freddie is a happy, determined little boy who loves music, dancing, his big brother and our dog. He is very sociable and wants to join in with everything. We would like him to go to St Michael's with Alfie, to make friends there and to learn alongside children his own age with the right help. Our hopes for Freddie are that he will talk more so that other people understand him, that he will learn to read, and that one day he will have a job and a life of his own.”",
    },

    { section: "B", title: "Special educational needs" },
    {
      p: "Freddie has Down syndrome. His development is delayed in all areas; the advice in Section K places most of his skills at around the level of a two-year-old.",
    },
    { h: "Communication and interaction", level: 3 },
    {
      p: "Ms Anna Kowalski, speech and language therapist, reports that Freddie understands familiar words and short phrases in context (for example \"get your coat\") and follows one-step instructions with a sign. He uses about 30 words, often with unclear speech, and 50 Makaton signs. He is beginning to join two words together (\"more juice\"). He enjoys other children but does not yet take turns in conversation.",
    },
    { h: "Cognition and learning", level: 3 },
    {
      p: "Dr Priya Nair, educational psychologist, found that Freddie learns well by watching and copying, and through songs, routines and repetition. He can match objects and pictures, complete a four-piece puzzle and count to three with support. His attention to an adult-led activity is about two minutes. Like many children with Down syndrome, his visual memory is a relative strength and his auditory memory a weakness.",
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      p: "Freddie is sociable and affectionate. He can become upset at changes of activity and may sit down and refuse to move. He has begun to copy other children throwing toys when he is frustrated.",
    },
    { h: "Sensory and physical", level: 3 },
    {
      p: "Mrs Sarah Doyle, paediatric physiotherapist, reports that Freddie has low muscle tone. He walks independently but falls often, cannot yet climb stairs without holding a rail and tires on long walks. His fine motor skills are delayed: he uses a fisted grasp and cannot yet use a spoon without spilling. He needs help with dressing, and he is not yet toilet trained. He has glasses for long-sightedness.",
    },

    { section: "C", title: "Health needs related to SEN" },
    {
      p: "Dr Simon Okeke, Consultant Community Paediatrician, provided medical advice on 24 February 2026. Freddie has Down syndrome and had surgery for a heart condition (atrioventricular septal defect) as a baby; he is now well and has a cardiology check once a year. He has mild hearing loss in both ears caused by glue ear, and he wears glasses. His thyroid function is checked every year.",
    },

    { section: "D", title: "Social care needs" },
    {
      p: "Freddie has no social care needs. Social care advice was requested from the Children with Disabilities Team on 26 January 2026; Ms Claire Bowen, Team Manager, replied on 9 February 2026 that no social care needs were identified.",
    },

    { section: "E", title: "Outcomes" },
    {
      ol: [
        { text: "By the end of Reception (July 2027), Freddie will use at least 100 words or signs, and will join two words or signs together to ask for things and to comment, as recorded by his teaching assistant.", outcome: "smart" },
        { text: "By the end of Reception, Freddie will follow a two-step routine instruction (\"get your coat and line up\") with a sign, on 4 out of 5 occasions.", outcome: "smart" },
        { text: "By the end of Reception, Freddie will take turns in a simple game with one other child for 5 minutes with adult support.", outcome: "smart" },
        { text: "By the end of Reception, Freddie will walk up and down the stairs to the school hall holding the rail, without an adult holding his hand.", outcome: "smart" },
        { text: "By July 2027, Freddie will use the toilet when taken at set times, with no more than two accidents a week.", outcome: "smart" },
      ],
    },

    { section: "F", title: "Special educational provision" },
    { p: "The provision below will start when Freddie begins in Reception in September 2026.", ...NOT_PROVISION },
    { h: "Communication and interaction", level: 3 },
    {
      ul: [
        { text: "Direct speech and language therapy from a specialist speech and language therapist, 30 minutes every two weeks in school, with a home programme for his parents.", ...SPECIFIC },
        { text: "A daily 1:1 language session following the therapist's programme (Language Through Play), 15 minutes every school day, delivered by a teaching assistant trained by the therapist.", ...SPECIFIC },
        { text: "Every adult working with Freddie will use Makaton signs alongside speech throughout the school day. The class teacher and his teaching assistants will complete Makaton Level 1 and 2 training by December 2026.", ...SPECIFIC },
        { text: "Opportunities to develop his speech through songs and rhymes.", ...VAGUE },
      ],
    },
    { h: "Cognition and learning", level: 3 },
    {
      ul: [
        { text: "A teaching assistant for 25 hours a week (the whole school day) to support Freddie's learning, care and safety, trained in working with children with Down syndrome (Down's Syndrome Association course).", ...SPECIFIC },
        { text: "See and Learn early language and reading programme, 1:1, 10 minutes every school day, with a teaching assistant.", ...SPECIFIC },
        { text: "Bucket time sessions (Attention Autism approach) in a small group of no more than 4 children, 10 minutes every day, led by a teaching assistant.", ...SPECIFIC },
        { text: "A visual timetable with photographs, and a \"now and next\" board used at every change of activity, by his teaching assistant.", ...SPECIFIC },
        { text: "Freddie will have access to a key adult throughout the day.", ...VAGUE },
      ],
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      ul: [
        { text: "A 2-minute warning with a sand timer and a photograph of the next activity before every change of activity, given by his teaching assistant.", ...SPECIFIC },
        { text: "Adult-supported turn-taking games with one other child, 10 minutes, 3 times a week, led by his teaching assistant.", ...SPECIFIC },
        { text: "Transition to Reception: four visits to his new classroom in June and July 2026, each of 45 minutes, with his key worker from Little Acorns, and a photograph book of his new school to share at home.", ...SPECIFIC },
      ],
    },
    { h: "Sensory and physical", level: 3 },
    {
      ul: [
        { text: "A physiotherapy programme for balance, stair climbing and core strength, set by the paediatric physiotherapist, carried out by his teaching assistant for 15 minutes every school day.", ...SPECIFIC },
        { text: "The paediatric physiotherapist will visit school once each half term (45 minutes) to review the programme and train his teaching assistant.", ...SPECIFIC },
        { text: "Fine motor activities (play dough, pegs, threading) as appropriate.", ...VAGUE },
        { text: "Freddie will sit at the front of the carpet and of the class, within 2 metres of the teacher, because of his hearing loss, in every session.", ...SPECIFIC },
        { text: "A toileting programme agreed with his parents: his teaching assistant will take him to the toilet at four set times each day, using a photograph sequence.", ...SPECIFIC },
      ],
    },

    { section: "G", title: "Health provision" },
    {
      ul: [
        { text: "Review by Dr Okeke, Consultant Community Paediatrician, once a year, including thyroid function tests.", ...SPECIFIC },
        { text: "Hearing tests at the Northshire Children's Audiology Clinic every 6 months while he has glue ear.", ...SPECIFIC },
        { text: "Cardiology follow-up at Northshire General Hospital once a year.", ...SPECIFIC },
        { text: "An eye test at the Northshire Orthoptic Clinic once a year, with new glasses when needed.", ...SPECIFIC },
      ],
    },

    { section: "H1", title: "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970" },
    { p: "None required (see Section D).", ...NOT_PROVISION },
    { section: "H2", title: "Other social care provision" },
    { p: "None required.", ...NOT_PROVISION },

    { section: "I", title: "Placement" },
    { p: "This section will be completed in the final plan, after Freddie's parents have told us their preference and the school has been consulted." },

    { section: "J", title: "Personal budget" },
    { p: "Freddie's parents have not asked for a personal budget." },

    { section: "K", title: "Advice and information" },
    {
      ul: [
        "Parental advice: Hannah and Josh Lawson, parents, 2 February 2026.",
        "Educational advice: Mrs Jo Pearce, key worker, and Mrs Lisa Grey, SENCo, Little Acorns Pre-School, 13 February 2026.",
        "Medical advice: Dr Simon Okeke, Consultant Community Paediatrician, Northshire Community Health NHS Trust, 24 February 2026.",
        "Psychological advice: Dr Priya Nair, Educational Psychologist, Northshire Educational Psychology Service, 2 March 2026.",
        "Speech and language therapy advice: Ms Anna Kowalski, Speech and Language Therapist, Northshire Children's Therapy Service, 27 February 2026.",
        "Physiotherapy advice: Mrs Sarah Doyle, Paediatric Physiotherapist, Northshire Children's Therapy Service, 5 March 2026.",
        "Social care advice: Ms Claire Bowen, Team Manager, Children with Disabilities Team, Northshire County Council, 9 February 2026.",
        "Advice from the Specialist Teacher for Hearing Impairment: Mr Ian Royle, Northshire Sensory Support Service, 11 March 2026.",
      ],
    },
  ],
  expect: {
    sections: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"],
    facts: {
      childName: "Freddie Lawson",
      dateOfBirth: "2022-02-03",
      status: "draft",
      requestDate: "2026-01-19",
      draftIssuedDate: "2026-05-18",
      planDate: "2026-05-18",
    },
    notes:
      "Draft plan, every section a two-column table (letter and name left, content right), title block a table without a header row, no heading styles for the sections. Early years child with Down syndrome. Section A: his words and signs quoted and how they were gathered (photographs, key worker's observation). Section I correctly blank in the draft; no review date set yet (review 'within 6 months of the final plan'). Physiotherapy programme in F; G only health checks. Vague: 'opportunities to develop his speech', 'access to a key adult throughout the day', 'fine motor activities as appropriate'. Hard case: 'in a small group of no more than 4 children' (specific). The hearing-impairment specialist teacher's advice is listed in K but not referred to elsewhere by that role. Draft issued 17 weeks after the request.",
  },
};
