// A GOOD final plan: "Section A: ..." headings, provision in tables, Section A in Isla's own words with direct quotes,
// SMART outcomes, Section K listing every required advice with author, role and date, issued in 19 weeks.
// One deliberately vague row (transition visits) so that even a good plan has one thing to fix.
import type { SampleSpec } from "../../spec.ts";
import { NOT_PROVISION, SPECIFIC, VAGUE, provisionTable } from "./shared.ts";

const F_HEADER = ["Need", "Provision", "Frequency and duration", "Delivered by"];
const F_WIDTHS = [2, 5, 2.5, 2.5];

export const islaThornton: SampleSpec = {
  id: "plan-isla-thornton",
  kind: "plan",
  template: "section-colon",
  runningHeader: "Isla Thornton  DOB 09/09/2018  Final EHC plan",
  blocks: [
    { h: "Northshire County Council", level: 1 },
    { p: "**Education, Health and Care Plan**" },
    { p: "Child's name: Isla Thornton" },
    { p: "Date of birth: 9 September 2018" },
    { p: "Status: Final EHC plan" },
    { p: "Date of request for EHC needs assessment: 5 January 2026" },
    { p: "Date draft plan issued: 29 April 2026" },
    { p: "Date final plan issued: 19 May 2026" },
    { p: "Date of this plan: 19 May 2026" },
    { p: "Review date: the first annual review must take place by 18 May 2027" },
    { p: "SEND caseworker: Mark Ellery, SEND Casework Officer, Northshire SEND Service, 01632 960412" },
    { p: "This plan was written with Isla and her parents, Rachel and Ben Thornton, and with the people who work with her. It sets out Isla's needs, what she wants to achieve, and the support that must be put in place to help her." },
    { toc: true },
    { pageBreak: true },

    { section: "A", title: "Views, interests and aspirations" },
    {
      p: "Isla shared her views with Miss Ellis, her class teacher, on 6 February 2026, using an \"All about me\" booklet with pictures to point to and talk about, and with Dr Priya Nair, educational psychologist, on 10 February 2026. Miss Ellis wrote down Isla's words exactly as she said them. The parts below in the first person are Isla's own words; her parents' views are set out separately.",
    },
    { h: "What Isla says about herself", level: 3 },
    { p: "“My name is Isla and I am seven. I am in Willow class. I have a rabbit called Pickle and a big sister called Maisie.”" },
    { p: "“I like drawing, making things out of Lego and going swimming on Saturdays with Daddy. I am good at drawing animals. I like it when Mrs Kaur does reading with me in the Nest because it is quiet.”" },
    { p: "“I find it hard when the teacher talks for a long time. I forget what I have to do and then everyone else is doing it and I am not. I don't like writing because my hand gets tired and my letters go wobbly.”" },
    { p: "“I feel worried in the mornings when Mummy goes. I like it when someone shows me the pictures of what we are doing today.”" },
    { p: "“Playtime is noisy. Sometimes I go to the Nest at lunchtime and play board games with my friend.”" },
    { h: "What Isla wants for the future", level: 3 },
    { p: "Isla told Dr Nair: “When I grow up I want to work at a zoo and look after the animals, or be an artist.” She would like to “read chapter books by myself like Maisie” and to “have more friends to play with”." },
    { h: "How to communicate with Isla", level: 3 },
    {
      ul: [
        "Say Isla's name first, so she knows you are talking to her.",
        "Use short sentences and give one instruction at a time. Show her a picture or a key word card as well.",
        "Give her time to answer: count to ten in your head before you ask again.",
        "Ask her to tell you what she has to do, rather than asking \"Do you understand?\" – she will nearly always say yes.",
        "If she is worried, she may go quiet and twist her sleeve. Offer her the choice of a short walk or a few minutes in the Nest.",
      ],
    },
    { h: "Views of Isla's parents", level: 3 },
    {
      p: "Mr and Mrs Thornton describe Isla as a kind, creative and determined girl who loves animals, drawing and swimming. They say that she tries very hard at school but comes home exhausted, and that she has started to say she is \"stupid\" when she cannot read a word. They are worried that she is falling further behind her friends, particularly in reading, and that her worries about school are growing.",
    },
    {
      p: "Isla's parents would like her to learn to read well enough to enjoy books on her own, to feel confident to ask for help when she does not understand, and to be happy and settled at school with friends she can rely on. In the longer term they would like her to go to secondary school with her friends and to be as independent as possible.",
    },

    { section: "B", title: "Special educational needs" },
    {
      p: "Isla is in Year 3 at Hollybank Primary School, a mainstream community primary school. She has been on the school's SEN register since Year 1. Her needs are described below under the four broad areas of need. The information comes from the advice listed in Section K.",
    },
    { h: "Communication and interaction", level: 3 },
    {
      p: "Isla has a developmental language disorder. The specialist speech and language therapist, Ms Laura Finch, assessed her on 3 February 2026 (CELF-5UK). Isla's understanding of spoken language is at the 4th percentile for her age, and her expressive language at the 9th percentile. She finds it hard to follow instructions with more than two key words, to understand concept words such as before, after, unless and between, and to learn and remember new vocabulary.",
    },
    {
      p: "Isla's speech is clear, but she finds it hard to organise her ideas into sentences and her spoken stories lack a clear sequence. She often uses general words such as \"thing\" and \"that one\" when she cannot find the word she needs. In class she watches other children to work out what to do, and adults report that she can appear to understand when she has not.",
    },
    { h: "Cognition and learning", level: 3 },
    {
      p: "Dr Priya Nair, educational psychologist, found that Isla's non-verbal reasoning is in the average range (standard score 97) but that her working memory for spoken information is well below average (standard score 75). She can hold about two pieces of spoken information in mind at once; when a third is added she loses the first.",
    },
    {
      p: "Isla is working well below age-related expectations in reading and writing. The educational advice from Mrs Helen Dawson, SENCo, reports a reading age of 5 years 11 months (Salford Sentence Reading Test, January 2026) against a chronological age of 7 years 4 months. Isla knows the Phase 3 phonemes but is not secure in blending longer words and relies on guessing from the first letter. She can write one or two simple sentences with support.",
    },
    { p: "In maths Isla is working about a year below age-related expectations. She understands number to 50 with concrete apparatus but finds word problems hard because of the language they use." },
    { h: "Social, emotional and mental health", level: 3 },
    {
      p: "Isla becomes anxious at the start of the school day, at changes of routine and in noisy, busy places such as the dining hall. Dr Nair linked this anxiety to Isla not understanding what is being said and not knowing what will happen next. On two or three mornings a week Isla is tearful when she separates from her mother, and on average she spends the first 20 minutes of the day settling. She has one close friend and finds it hard to join in games at playtime.",
    },
    { h: "Sensory and/or physical", level: 3 },
    {
      p: "Isla has joint hypermobility (see Section C). The occupational therapist, Mr James Holt, found that her fine motor skills are at the 5th percentile for her age (Movement ABC-3). She holds her pencil with a tight grip, her letters are large and poorly formed, and she tires after about five minutes of writing. She also finds it hard to sit still for long periods and slumps in her chair, which affects her attention.",
    },

    { section: "C", title: "Health needs related to SEN" },
    {
      p: "Dr Simon Okeke, Consultant Community Paediatrician, saw Isla on 27 January 2026. His medical advice confirms joint hypermobility, which causes Isla pain in her hands and knees after writing or long walks, and tiredness by the end of the school day. Isla had recurrent glue ear until the age of five; her hearing was tested by Northshire Children's Audiology Clinic in December 2025 and is within normal limits. Dr Okeke found no other health needs that affect Isla's learning.",
    },

    { section: "D", title: "Social care needs" },
    {
      p: "Isla has no social care needs. Social care advice was requested from the Children with Disabilities Team on 12 January 2026. Ms Claire Bowen, Team Manager, replied on 28 January 2026 that Isla is not known to children's social care and that no social care needs were identified. The family have been given information about short breaks and activities on the Northshire Local Offer.",
    },

    { section: "E", title: "Outcomes" },
    {
      p: "The outcomes below were agreed with Isla and her parents at the planning meeting on 14 April 2026. They look ahead to the end of Key Stage 2 (July 2029), with steps to reach by the end of Year 4 (July 2027). Progress will be reviewed at each annual review.",
    },
    {
      ol: [
        { text: "By July 2027, Isla will follow a three-part spoken instruction in class without a visual prompt on 4 out of 5 occasions, as recorded by her teaching assistant.", outcome: "smart" },
        { text: "By July 2027, Isla will blend and read unfamiliar words of up to three syllables, and will read a book at her phonics stage aloud with 95% accuracy.", outcome: "smart" },
        { text: "By July 2029, Isla's reading age will be within 12 months of her chronological age, so that she can read a chapter book on her own, as she wants to.", outcome: "smart" },
        { text: "By July 2027, Isla will write a sequence of four connected sentences using capital letters and full stops, using a writing frame, in at least three pieces of work out of five.", outcome: "smart" },
        { text: "By July 2027, Isla will write legibly for 10 minutes without reporting pain, with all lowercase letters correctly formed.", outcome: "smart" },
        { text: "By July 2027, Isla will come into class and start the morning task within 5 minutes of arriving on at least 4 mornings out of 5.", outcome: "smart" },
        { text: "By July 2027, Isla will tell an adult when she has not understood, using her \"help\" card or her own words, at least once a day without being prompted.", outcome: "smart" },
      ],
    },

    { section: "F", title: "Special educational provision" },
    {
      p: "The provision below must be made for Isla at Hollybank Primary School. Mrs Dawson, SENCo, is responsible for making sure it is in place. Speech and language therapy and occupational therapy educate and train Isla, so they are set out here in Section F.",
      ...NOT_PROVISION,
    },
    { h: "Communication and interaction", level: 3 },
    provisionTable(
      F_HEADER,
      [
        [
          [
            "Understanding and using language",
            "Direct speech and language therapy following an individual programme for understanding concept words and vocabulary, with targets set by the therapist.",
            "45 minutes, once every two weeks in term time (19 sessions a year)",
            "Specialist speech and language therapist (HCPC registered), Northshire Children's Therapy Service",
          ],
          SPECIFIC,
        ],
        [
          ["Understanding and using language", "Practice of the therapy targets using Language for Thinking, 1:1.", "20 minutes, 4 times a week", "Teaching assistant trained by the speech and language therapist"],
          SPECIFIC,
        ],
        [
          ["New vocabulary", "Pre-teaching of 8 to 10 key topic words with pictures, in a group of no more than 4 pupils.", "15 minutes, 3 times a week, in the week before each new topic", "Teaching assistant"],
          SPECIFIC,
        ],
        [
          ["Following instructions", "Instructions given one step at a time in short sentences, with key word cards; Isla is asked to say back what she has to do before she starts.", "Every lesson", "Class teacher and every adult who teaches Isla"],
          SPECIFIC,
        ],
        [
          ["Staff knowledge", "Training for Isla's class teacher and teaching assistants in the strategies in the speech and language therapy advice.", "One 1-hour session each term", "Specialist speech and language therapist"],
          SPECIFIC,
        ],
      ],
      F_WIDTHS,
    ),
    { h: "Cognition and learning", level: 3 },
    provisionTable(
      F_HEADER,
      [
        [["Reading (phonics)", "Read Write Inc. Fresh Start, a structured synthetic phonics programme, 1:1.", "30 minutes, 5 times a week", "Teaching assistant trained in Read Write Inc."], SPECIFIC],
        [["Reading (sight words)", "Precision Teaching of high-frequency words, with daily probes recorded on a chart.", "10 minutes every school day", "Teaching assistant trained in Precision Teaching"], SPECIFIC],
        [
          ["Reading practice", "Isla reads aloud 1:1 to an adult from a book matched to her phonics stage.", "10 minutes every school day", "Teaching assistant or class teacher"],
          SPECIFIC,
        ],
        [
          ["Working memory", "A task planner on Isla's desk that breaks each independent task into numbered picture steps; instructions are written on a mini whiteboard for her.", "Every lesson", "Class teacher and teaching assistant"],
          SPECIFIC,
        ],
        [
          ["Writing", "A writing frame, word mat and sentence starters for every extended writing task.", "Every extended writing task", "Class teacher"],
          SPECIFIC,
        ],
        [
          ["Maths", "Numicon intervention in a group of no more than 3 pupils, following the Numicon Breaking Barriers programme.", "30 minutes, 3 times a week", "Teaching assistant trained in Numicon"],
          SPECIFIC,
        ],
        [
          ["Learning in class", "Additional adult support in English and maths lessons, to repeat and break down instructions and keep Isla on task.", "15 hours a week (every English and maths lesson)", "Teaching assistant"],
          SPECIFIC,
        ],
      ],
      F_WIDTHS,
    ),
    { h: "Social, emotional and mental health", level: 3 },
    provisionTable(
      F_HEADER,
      [
        [
          ["Starting the day", "A named teaching assistant (Mrs Kaur) meets Isla at the classroom door and goes through her visual timetable for the day with her.", "10 minutes every morning, 8:45 to 8:55am", "Named teaching assistant"],
          SPECIFIC,
        ],
        [
          ["Lunchtimes", "Access to a quiet room (the Nest) every lunchtime, supervised by a named teaching assistant, with a board game or Lego for Isla and one friend of her choice.", "Every day, 12:15 to 12:45pm", "Named teaching assistant"],
          SPECIFIC,
        ],
        [
          ["Managing worries", "Emotional literacy sessions following the ELSA programme, 1:1, focused on recognising and naming worries.", "30 minutes once a week for 12 weeks, starting in September 2026", "Emotional Literacy Support Assistant (ELSA) trained by the Northshire Educational Psychology Service"],
          SPECIFIC,
        ],
        [
          ["Changes of routine", "Isla is told about any change to her timetable (a supply teacher, a trip, an assembly) at her morning check-in, with a picture added to her visual timetable.", "Every day there is a change", "Named teaching assistant"],
          SPECIFIC,
        ],
        [["Moving to Year 4", "Isla will have opportunities to visit her new classroom before the end of the summer term.", "", ""], VAGUE],
      ],
      F_WIDTHS,
    ),
    { h: "Sensory and physical", level: 3 },
    provisionTable(
      F_HEADER,
      [
        [
          ["Handwriting", "Handwriting programme (Speed Up!), with activities set by the occupational therapist and reviewed by him each term.", "20 minutes, 3 times a week", "Teaching assistant trained by the occupational therapist"],
          SPECIFIC,
        ],
        [
          ["Fine motor skills and comfort", "A writing slope, a triangular pencil grip and a chair with a footrest, supplied by the school.", "Every lesson with writing", "Class teacher to check they are in place"],
          SPECIFIC,
        ],
        [
          ["Sitting and attention", "A 5-minute movement break (errand or stretches from the occupational therapy programme) after every 20 minutes of seated work.", "Every lesson", "Class teacher or teaching assistant"],
          SPECIFIC,
        ],
        [
          ["Recording work", "Isla will record longer pieces of work on a school tablet with a word bank, so that writing does not cause pain.", "Any task longer than 15 minutes of writing", "Class teacher"],
          SPECIFIC,
        ],
      ],
      F_WIDTHS,
    ),
    { h: "Monitoring", level: 3 },
    provisionTable(
      F_HEADER,
      [
        [
          ["All needs", "Meeting between the SENCo, Isla's class teacher and her parents to review progress towards the outcomes in Section E and update her provision map.", "45 minutes, once each term (3 times a year)", "SENCo"],
          SPECIFIC,
        ],
      ],
      F_WIDTHS,
    ),

    { section: "G", title: "Health provision" },
    {
      ul: [
        { text: "Dr Okeke, Consultant Community Paediatrician, will review Isla's hypermobility and development at the Northshire Child Development Centre once every 12 months; the next appointment is in January 2027.", ...SPECIFIC },
        { text: "Northshire Children's Audiology Clinic will test Isla's hearing once every 12 months because of her history of glue ear.", ...SPECIFIC },
        {
          text: "The school nurse will write an individual health care plan for Isla's hypermobility (managing pain, rest breaks and changes to PE) by 1 September 2026, share it with Hollybank Primary School and review it with her parents every September.",
          ...SPECIFIC,
        },
      ],
    },

    { section: "H", title: "Social care" },
    { h: "H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970", level: 3 },
    { p: "Isla does not need any social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 (see Section D).", ...NOT_PROVISION },
    { h: "H2: Other social care provision", level: 3 },
    { p: "No other social care provision is required.", ...NOT_PROVISION },

    { section: "I", title: "Placement" },
    { p: "Hollybank Primary School, Hollybank Road, Northfield, Northshire. A mainstream community primary school (ages 4 to 11)." },

    { section: "J", title: "Personal budget" },
    { p: "Isla's parents have not asked for a personal budget. They were told on 14 April 2026 that they can ask for one at any time, including at an annual review." },

    { section: "K", title: "Advice and information" },
    { p: "The following advice and information was gathered during the EHC needs assessment and is attached to this plan as appendices." },
    {
      table: {
        header: ["Advice", "Provided by", "Role and organisation", "Date"],
        rows: [
          ["Parental advice", "Rachel and Ben Thornton", "Isla's parents", "19 January 2026"],
          ["Isla's views (All about me booklet)", "Miss Sophie Ellis", "Class teacher, Hollybank Primary School", "6 February 2026"],
          ["Educational advice", "Mrs Helen Dawson", "SENCo, Hollybank Primary School", "2 February 2026"],
          ["Medical advice", "Dr Simon Okeke", "Consultant Community Paediatrician, Northshire Community Health NHS Trust", "27 January 2026"],
          ["Psychological advice", "Dr Priya Nair", "Educational Psychologist, Northshire Educational Psychology Service", "16 February 2026"],
          ["Speech and language therapy advice", "Ms Laura Finch", "Specialist Speech and Language Therapist, Northshire Children's Therapy Service", "12 February 2026"],
          ["Occupational therapy advice", "Mr James Holt", "Occupational Therapist, Northshire Children's Therapy Service", "20 February 2026"],
          ["Social care advice", "Ms Claire Bowen", "Team Manager, Children with Disabilities Team, Northshire County Council", "28 January 2026"],
        ],
        widths: [3, 2.5, 4.5, 2],
      },
    },
    { h: "Signed on behalf of Northshire County Council", level: 1 },
    { p: "Mark Ellery, SEND Casework Officer, 19 May 2026" },
  ],
  expect: {
    sections: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"],
    facts: {
      childName: "Isla Thornton",
      dateOfBirth: "2018-09-09",
      status: "final",
      requestDate: "2026-01-05",
      draftIssuedDate: "2026-04-29",
      finalIssuedDate: "2026-05-19",
      planDate: "2026-05-19",
      reviewDate: "2027-05-18",
    },
    notes:
      "Good plan. Section A in Isla's own words (quoted) with how they were gathered, aspirations and how to communicate; SMART outcomes; provision in tables, specific almost throughout (one vague row: transition visits); hard cases: 'access to a quiet room every lunchtime, supervised by a named teaching assistant' (specific), statements spread over table cells, 'group of no more than 4 pupils'; SaLT and OT in F; C and D explicit; combined 'Section H: Social care' with H1/H2 sub-headings; K lists parent, educational, medical, psychological, SaLT, OT and social care advice with roles and dates; final issued 19 weeks 1 day after the request, 20 days after the draft.",
  },
};
