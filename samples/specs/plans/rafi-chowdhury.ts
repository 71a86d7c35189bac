// A final plan for a non-verbal autistic child, "1. ... (Section A)" headings, title block laid out as a table.
// Rafi does not use speech: Section A says how his views were gathered (PECS, Talking Mats, observation by named staff)
// and what was learned, so it should pass the child-voice check. Provision is mixed: a table for communication, bullets
// elsewhere, mostly specific with several vague statements ("small group" without a size, "opportunities", "etc.").
import type { SampleSpec } from "../../spec.ts";
import { NOT_PROVISION, SPECIFIC, VAGUE, provisionTable } from "./shared.ts";

export const rafiChowdhury: SampleSpec = {
  id: "plan-rafi-chowdhury",
  kind: "plan",
  template: "numbered-bracket",
  runningHeader: "Rafi Chowdhury  DOB 23/11/2018  EHC plan",
  blocks: [
    { h: "Ashdown Borough Council – Education, Health and Care Plan", level: 1 },
    {
      table: {
        header: [],
        rows: [
          ["Child's name", "Rafi Chowdhury"],
          ["Date of birth", "23 November 2018"],
          ["Status", "Final EHC plan"],
          ["Date of request for EHC needs assessment", "12 January 2026"],
          ["Date draft plan issued", "11 May 2026"],
          ["Date final plan issued", "29 May 2026"],
          ["Date of plan", "29 May 2026"],
          ["Date of first review", "28 May 2027"],
          ["Parents", "Shabnam and Imran Chowdhury"],
          ["Home language", "English and Bengali (Sylheti)"],
          ["SEND officer", "Lucy Gammon, Ashdown SEND Assessment and Review Team"],
        ],
        widths: [2, 3],
      },
    },
    { toc: true },
    { pageBreak: true },

    { section: "A", title: "Views, interests and aspirations" },
    { h: "How Rafi's views were gathered", level: 3 },
    {
      p: "Rafi is seven and does not use speech to communicate. He uses the Picture Exchange Communication System (PECS) at Phase 4, building sentence strips such as \"I want\" + \"bubbles\", and he is learning to use a communication app (Proloquo2Go) on an iPad. His views were gathered in three ways:",
    },
    {
      ul: [
        "Using PECS, Ms Kerry Doyle, his class teacher, offered Rafi choices of activities, foods and places over two weeks in February 2026 and recorded what he chose, what he pushed away and what he asked for again.",
        "Ms Nadia Ashworth, speech and language therapist, used a Talking Mat with Rafi on 4 March 2026, with picture symbols for school activities, places and people sorted under a \"like\" and a \"don't like\" symbol.",
        "Mr Tom Price, his teaching assistant, observed Rafi across the school day and at lunchtime over five days in February 2026 and kept a diary of what made him smile, laugh, calm down or become distressed.",
      ],
    },
    { h: "What we learned from Rafi", level: 3 },
    {
      p: "On the Talking Mat, Rafi placed swimming, the trampoline, bubbles, the sensory room, music and Mr Price under \"like\". He placed assembly, the dining hall, hand-washing and PE in the big hall under \"don't like\". He placed the computer and the playground in the middle, and went back twice to move the playground to \"like\" when the picture showed the swings.",
    },
    {
      p: "With PECS, Rafi asked for the trampoline, bubbles and a snack most often. He chose to work at his own workstation rather than at the group table on 9 out of 10 occasions. He brought his \"break\" card to an adult when the classroom was noisy, and he pushed away the card for the dining hall every day.",
    },
    {
      p: "Mr Price observed that Rafi is happiest in the sensory room, on the swings and during music, when he smiles, flaps his hands and makes happy sounds. He is calm when he knows what is coming next from his visual timetable. He becomes distressed, covering his ears and dropping to the floor, in noisy and crowded places and when an activity he enjoys ends without a warning.",
    },
    {
      p: "From this, the people who know Rafi best think that what matters most to him is: knowing what will happen next, having quiet places to go to, time on the swings and trampoline, music, and adults he knows well.",
    },
    { h: "How to communicate with Rafi", level: 3 },
    {
      ul: [
        "Get down to Rafi's level and say his name. Use one or two words at a time and show him the matching PECS symbol or object.",
        "Use his visual timetable and a \"first … then …\" board for every change of activity, and give a 2-minute warning with a sand timer before an activity he enjoys ends.",
        "Keep his PECS book and iPad within his reach all day, and respond every time he uses them.",
        "Rafi shows he is becoming anxious by humming loudly and rocking; offer him his \"break\" card and a quiet space before he becomes distressed.",
      ],
    },
    { h: "Views of Rafi's parents", level: 3 },
    {
      p: "Mr and Mrs Chowdhury say: \"Rafi is a happy, loving boy who loves water, music and being outside. He has come such a long way since he started using PECS – he can now tell us when he wants a drink or wants to go to the park. We want him to be able to tell people what he needs and how he feels, in school and at home, and to be as independent as he can be, especially with eating, dressing and using the toilet.\"",
    },
    {
      p: "His parents' hopes for the future are that Rafi will be able to communicate with his wider family, including his grandparents in Bengali, that he will be safe and happy, and that as he grows up he will be able to take part in activities in the community, like swimming, with the right support.",
    },

    { section: "B", title: "Special educational needs" },
    {
      p: "Rafi was diagnosed with autism by the Ashdown Child Development Centre in June 2022. He attends the Rainbow Base, the specialist resource provision for autistic pupils at Brookfield Primary School, and is in Year 2. His needs are set out below from the advice listed in Section K.",
    },
    { h: "Communication and interaction", level: 3 },
    {
      p: "Rafi has severe difficulties with understanding and using language. Ms Ashworth, speech and language therapist, reports that Rafi understands around 40 single words in context, mostly names of familiar objects and people, and follows routine instructions when they are supported by an object or symbol. He does not yet understand questions. He communicates using PECS at Phase 4 and by leading adults to what he wants. He has started to use his iPad to request, with adult prompting.",
    },
    {
      p: "Rafi's shared attention is emerging: he will watch an adult-led activity for about two minutes when it is highly motivating, such as bubbles or a wind-up toy. He rarely initiates interaction with other children but will sit next to a peer on the swings.",
    },
    { h: "Cognition and learning", level: 3 },
    {
      p: "Dr Tom Ridley, educational psychologist, found that Rafi's learning is at an early developmental stage, broadly equivalent to Pre-Key Stage 1 Standard 1 in most areas. He can match identical objects and pictures, complete inset puzzles and sort by colour. He learns best through repeated, structured routines with visual support, and with one adult. He is beginning to count objects to 3 with support.",
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      p: "Rafi's anxiety rises quickly in noisy, busy places and when routines change without warning. At these times he may drop to the floor, cover his ears, bite his hand or run from the room. These incidents happen about three times a week, most often at lunchtime and during transitions between rooms. He calms with deep pressure, time on the swings or in the sensory room.",
    },
    { h: "Sensory and physical", level: 3 },
    {
      p: "Ms Rebecca Lowe, occupational therapist, reports that Rafi is highly sensitive to noise and to some textures, especially wet hands and food with mixed textures, and that he seeks movement and deep pressure. His fine motor skills are delayed: he uses a palmar grasp and cannot yet use scissors. He needs adult help to dress and undress, and he is not yet toilet trained.",
    },

    { section: "C", title: "Health needs related to SEN" },
    {
      p: "Dr Farah Siddiqui, Consultant Community Paediatrician, provided medical advice on 19 February 2026. Rafi eats a very restricted range of foods (eight foods, all dry and beige) and his weight is monitored by the paediatric dietitian. He has difficulty settling to sleep and takes melatonin, prescribed by Dr Siddiqui. He is not yet toilet trained and is known to the Ashdown Children's Continence Service. His hearing and vision were tested in 2025 and are within normal limits.",
    },

    { section: "D", title: "Social care needs" },
    {
      p: "Rafi was assessed by the Children with Disabilities Team in March 2026 (social care advice from Ms Joanne Pike, social worker, 16 March 2026). Because of Rafi's need for constant supervision and his disturbed sleep, his parents need regular breaks from caring, and Rafi needs support to take part in leisure activities outside the home. Mrs Chowdhury has also been offered a carer's assessment.",
    },

    { section: "E", title: "Outcomes" },
    {
      ol: [
        { text: "By July 2027, Rafi will use a three-symbol sentence strip or his iPad to request an item or activity (\"I want big red ball\") without a physical prompt, at least 5 times a day.", outcome: "smart" },
        { text: "By July 2027, Rafi will use his PECS book or iPad to tell an adult when something hurts or he is unhappy, on 3 out of 4 occasions when he is upset, as recorded by staff.", outcome: "smart" },
        { text: "By July 2027, Rafi will take part in an adult-led group activity with two other children for 5 minutes, on 4 out of 5 days.", outcome: "smart" },
        { text: "By July 2027, Rafi will use his \"break\" card to ask for a break before he becomes distressed, so that incidents fall from about three a week to one a week or fewer.", outcome: "smart" },
        { text: "By July 2028, Rafi will use the toilet at set times during the school day with one adult prompt, with no more than one accident a week.", outcome: "smart" },
        { text: "By July 2027, Rafi will eat three new foods at lunchtime, chosen with his parents and the dietitian.", outcome: "smart" },
      ],
    },

    { section: "F", title: "Special educational provision" },
    { p: "All of the provision below will be delivered in the Rainbow Base at Brookfield Primary School unless stated otherwise.", ...NOT_PROVISION },
    { h: "Communication and interaction", level: 3 },
    provisionTable(
      ["Provision", "Staffing", "Frequency and duration"],
      [
        [["Direct speech and language therapy to develop Rafi's use of PECS and his iPad (Proloquo2Go) to request and comment.", "Specialist speech and language therapist", "Three 30-minute sessions each half term (18 sessions a year)"], SPECIFIC],
        [["A daily PECS programme following the targets set by the speech and language therapist, recorded on a PECS data sheet.", "Teaching assistant trained in PECS (Pyramid Educational Consultants Level 1)", "20 minutes every school day"], SPECIFIC],
        [["Attention Autism (Stages 1 to 3) in a small group.", "Teaching assistant trained in Attention Autism", "15 minutes every day"], VAGUE],
        [["Intensive Interaction, 1:1, to build shared attention and turn-taking.", "Teaching assistant (Mr Price)", "10 minutes twice a day"], SPECIFIC],
        [["Regular opportunities to practise using his communication book across the day.", "All staff", "Throughout the day"], VAGUE],
        [["Training for Rafi's parents and Rainbow Base staff in modelling language on the iPad (aided language input).", "Specialist speech and language therapist", "Two 1-hour sessions in the autumn term 2026"], SPECIFIC],
      ],
      [5, 3, 3],
    ),
    { h: "Cognition and learning", level: 3 },
    {
      ul: [
        { text: "Rafi will be taught in a class of no more than 8 pupils with a teacher and 3 teaching assistants, following a sensory, play-based curriculum.", ...SPECIFIC },
        { text: "TEACCH-style workstation tasks, 1:1 with a teaching assistant, for 15 minutes 3 times a day.", ...SPECIFIC },
        { text: "Learning will be differentiated to meet Rafi's needs.", ...VAGUE },
        { text: "Visual timetable and \"first … then …\" board, used by every adult with Rafi for every change of activity throughout the day.", ...SPECIFIC },
      ],
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      ul: [
        { text: "An adult who knows Rafi well (Mr Price or another named teaching assistant from the Rainbow Base) will be with him at all times during lunch and playtimes.", ...SPECIFIC },
        { text: "Rafi will eat lunch in the Rainbow Base rather than the dining hall, with one named adult and up to two other children.", ...SPECIFIC },
        { text: "A positive behaviour support plan, written by the class teacher with Rafi's parents and reviewed every half term, setting out his triggers and how staff will respond.", ...SPECIFIC },
        { text: "Opportunities for Rafi to play alongside other children.", ...VAGUE },
      ],
    },
    { h: "Sensory and physical", level: 3 },
    {
      ul: [
        { text: "A sensory diet planned by the occupational therapist: 10 minutes on the trampoline or swings, with a teaching assistant, four times a day (on arrival, mid-morning, after lunch and mid-afternoon).", ...SPECIFIC },
        { text: "Sensory equipment such as ear defenders, chewy tubes, weighted lap pad etc.", ...VAGUE },
        { text: "Access to the sensory room as needed.", ...VAGUE },
        { text: "Occupational therapy review of the sensory diet and of Rafi's fine motor programme, 1 hour in school, once each term, by a qualified occupational therapist.", ...SPECIFIC },
        { text: "A fine motor programme (threading, play dough, posting) set by the occupational therapist, delivered 1:1 by a teaching assistant, 10 minutes every day.", ...SPECIFIC },
        { text: "A toileting programme agreed with his parents and the continence nurse: a teaching assistant will take Rafi to the toilet at five set times each day, using a visual sequence.", ...SPECIFIC },
      ],
    },

    { section: "G", title: "Health provision" },
    {
      ul: [
        { text: "Review by Dr Siddiqui, Consultant Community Paediatrician, at the Ashdown Child Development Centre every 6 months, including his sleep and melatonin.", ...SPECIFIC },
        { text: "The paediatric dietitian will monitor Rafi's growth and diet at a clinic appointment every 3 months, and will advise school and parents on introducing new foods.", ...SPECIFIC },
        { text: "The Ashdown Children's Continence Service will provide continence products and review Rafi's toileting with his parents every 6 months.", ...SPECIFIC },
      ],
    },

    { section: "H1", title: "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970" },
    {
      ul: [
        { text: "A place at the Saturday Club at the Ashdown Short Breaks Centre, 10am to 3pm every other Saturday (26 sessions a year), with 1:1 support from a trained play worker.", ...SPECIFIC },
        { text: "Help with transport: the Children with Disabilities Team will pay for a taxi to and from the Saturday Club for each session.", ...SPECIFIC },
      ],
    },
    { section: "H2", title: "Other social care provision" },
    {
      ul: [
        { text: "Rafi's social worker, Ms Pike, will review his short breaks with his parents every 6 months.", ...SPECIFIC },
        { text: "Mrs Chowdhury may benefit from a carer's assessment.", ...VAGUE },
      ],
    },

    { section: "I", title: "Placement" },
    { p: "Brookfield Primary School, Rainbow Base (specialist resource provision for autistic pupils), Mill Lane, Ashdown. Rafi will be on roll at Brookfield Primary School and taught in the Rainbow Base." },

    { section: "J", title: "Personal budget" },
    { p: "Mr and Mrs Chowdhury have asked for the Saturday Club taxi in Section H1 to be paid as a direct payment, so that they can use a driver Rafi knows. The direct payment will be £38 for each Saturday Club session (26 sessions a year), paid every four weeks by Ashdown Borough Council." },

    { section: "K", title: "Advice and information" },
    {
      table: {
        header: ["Type of advice", "Name and role", "Date"],
        rows: [
          ["Parental advice", "Shabnam and Imran Chowdhury, parents", "26 January 2026"],
          ["Educational advice", "Mrs Angela Ward, SENCo, and Ms Kerry Doyle, class teacher, Brookfield Primary School", "10 February 2026"],
          ["Medical advice", "Dr Farah Siddiqui, Consultant Community Paediatrician, Ashdown Children's Health Services", "19 February 2026"],
          ["Psychological advice", "Dr Tom Ridley, Educational Psychologist, Ashdown Educational Psychology Service", "24 February 2026"],
          ["Speech and language therapy advice", "Ms Nadia Ashworth, Specialist Speech and Language Therapist, Ashdown Children's Therapies", "6 March 2026"],
          ["Occupational therapy advice", "Ms Rebecca Lowe, Occupational Therapist, Ashdown Children's Therapies", "2 March 2026"],
          ["Social care advice", "Ms Joanne Pike, Social Worker, Children with Disabilities Team, Ashdown Borough Council", "16 March 2026"],
        ],
        widths: [3, 6, 2],
      },
    },
  ],
  expect: {
    sections: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"],
    facts: {
      childName: "Rafi Chowdhury",
      dateOfBirth: "2018-11-23",
      status: "final",
      requestDate: "2026-01-12",
      draftIssuedDate: "2026-05-11",
      finalIssuedDate: "2026-05-29",
      planDate: "2026-05-29",
      reviewDate: "2027-05-28",
    },
    notes:
      "Non-verbal autistic child. Title block is a two-column table without a header row. Section A has no first-person words but says how views were gathered (PECS, Talking Mats, observation by named staff) and what was learned: child-voice should pass. SMART outcomes. Provision mixed: a table for communication, bullets elsewhere; vague: 'Attention Autism ... in a small group' (no group size), 'regular opportunities', 'differentiated', 'opportunities to play', 'such as ... etc.', 'access to the sensory room as needed', 'may benefit from a carer's assessment' (H2). H1 has specific short breaks. J names a direct payment. K complete. Final in 19 weeks 4 days, 18 days after the draft.",
  },
};
