// A middling final plan for a secondary-age young person, with headings by meaning alone ("Special Educational Needs",
// "Outcomes", "Health Provision", "Placement", "Advice and Information") and a combined "Social Care Provision"
// section whose H1/H2 parts are sub-headings by meaning only. Faults to find: speech and language therapy and
// occupational therapy placed only in Health Provision (G), not in F; the sensory and physical needs in B have no
// provision in F; two outcomes without a measure; some vague provision; the CAMHS letter is 15 months old at the plan
// date; the careers adviser's report is listed but never used; final issued 20 weeks and 3 days after the request.
import type { SampleSpec } from "../../spec.ts";
import { NOT_PROVISION, SPECIFIC, VAGUE, provisionTable } from "./shared.ts";

export const jadeWhitlock: SampleSpec = {
  id: "plan-jade-whitlock",
  kind: "plan",
  template: "meaning-only",
  runningHeader: "Jade Whitlock  DOB 17/05/2011  EHC plan",
  blocks: [
    { h: "Eastmarsh City Council", level: 1 },
    { p: "**Education, Health and Care Plan for Jade Whitlock**" },
    { p: "Date of birth: 17 May 2011" },
    { p: "Status: Final EHC plan" },
    { p: "Date of request for EHC needs assessment: 2 February 2026" },
    { p: "Date draft EHC plan issued: 8 June 2026" },
    { p: "Date final EHC plan issued: 25 June 2026" },
    { p: "Plan date: 25 June 2026" },
    { p: "Date of next review: 24 June 2027" },
    { p: "Current school: Kingsley Academy, Year 10" },
    { p: "Key worker: Daniel Osei, EHC Coordinator, Eastmarsh SEN Team" },

    { section: "A", title: "Views, Interests and Aspirations" },
    {
      p: "Jade met her EHC coordinator, Daniel Osei, at home on 24 February 2026 with her mum, and filled in her \"My future\" form with her learning mentor at school. Jade chose to write some of her answers herself. Her words are in quotation marks.",
    },
    { h: "What Jade says", level: 3 },
    { p: "“I'm Jade, I'm 14 and I'm in Year 10 at Kingsley. I love animals – we've got two dogs and a gecko called Steve. I like drawing anime characters, baking and watching true crime documentaries.”" },
    { p: "“School is really hard for me. When the teacher talks fast I can't keep up and I don't want to put my hand up because people will laugh. Corridors between lessons are the worst – it's so loud and people push. Sometimes I just can't go in.”" },
    { p: "“I'm good at art and I'm good with animals. I'm a good friend when I trust someone.”" },
    { p: "“What helps me is when teachers give me the work on paper so I can read it again, and when I can go to the Hub if I'm panicking. Ms Grant is the only person I can talk to.”" },
    { h: "Jade's hopes for the future", level: 3 },
    {
      p: "“I want to be a veterinary nurse. I want to do animal care at college and then get a job at a vets or a rescue centre. One day I want to live on my own with my dogs, and be able to go on the bus by myself without having a panic attack.”",
    },
    { h: "How to communicate with Jade", level: 3 },
    {
      p: "Jade prefers to talk 1:1 in a quiet place, side by side rather than face to face. Give her written information as well as spoken, and time to think before she answers. Do not ask her to answer questions in front of the class without warning. If she says \"I don't know\", she may need the question put in a different way.",
    },
    { h: "What Jade's family say", level: 3 },
    {
      p: "Jade's mum, Mrs Karen Whitlock, says that Jade is caring, funny and creative, and brilliant with animals, but that her confidence has dropped since Year 8. Jade's attendance has fallen to 62% this year and mornings are very difficult: Jade often has stomach aches and panic attacks before school. Mrs Whitlock would like Jade to get the GCSEs she needs for college, to feel safe at school, and to have more of a life outside the house.",
    },

    { section: "B", title: "Special Educational Needs" },
    { h: "Communication and interaction", level: 3 },
    {
      p: "Jade has a developmental language disorder, first identified in primary school. The speech and language therapy advice from Mr Owen Pritchard (10 March 2026) shows that Jade's understanding of spoken language is at the 5th percentile for her age (CELF-5 UK), with particular difficulty with long instructions, inference and subject vocabulary. She finds it hard to explain her ideas in order and to join in group discussions. Jade masks her difficulties by staying quiet, so teachers often overestimate what she has understood.",
    },
    { h: "Cognition and learning", level: 3 },
    {
      p: "Ms Fiona Beck, educational psychologist (advice dated 3 March 2026), found that Jade's verbal comprehension is in the low range (standard score 78), while her perceptual reasoning is average (standard score 102). Her processing speed is below average. Jade reads accurately but her reading comprehension is at the level of an 11-year-old (York Assessment of Reading for Comprehension), so she struggles with long texts and exam questions. Kingsley Academy predicts grades 3 to 4 in most GCSEs and a grade 6 in art.",
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      p: "Jade has high levels of anxiety, particularly social anxiety. The Child and Adolescent Mental Health Service (CAMHS) assessed her in March 2025 and she is on the waiting list for cognitive behavioural therapy. Her attendance has fallen from 91% in Year 8 to 62% this year, and she has missed most Monday mornings. In school she avoids the canteen and busy corridors, and she has left lessons during panic attacks on at least 15 occasions this year.",
    },
    { h: "Sensory and physical", level: 3 },
    {
      p: "Ms Amy Clarke, occupational therapist (advice dated 17 March 2026), found that Jade is over-sensitive to noise and to being touched unexpectedly, which adds to her anxiety in corridors, the canteen and practical lessons. Jade also has developmental coordination disorder: her handwriting is slow (13 words a minute, well below the average for her age) and becomes illegible under time pressure, and she finds it hard to organise her equipment and to use tools in food technology safely.",
    },

    { section: "C", title: "Health Needs" },
    {
      p: "Dr Helen Marsden, Consultant Paediatrician, provided medical advice on 26 February 2026. Jade is physically well. She has frequent stomach aches and headaches, which Dr Marsden considers are linked to anxiety. Jade has developmental coordination disorder (diagnosed in 2019). CAMHS confirmed in March 2025 that Jade has an anxiety disorder and accepted her for cognitive behavioural therapy.",
    },

    { section: "D", title: "Social Care Needs" },
    {
      p: "The Eastmarsh Disabled Children's Service assessed Jade in April 2026 (social care advice from Mr Raj Bhatt, social worker, 14 April 2026). Because of her anxiety, Jade rarely leaves the house except to go to school and cannot use public transport on her own. She needs support to take part in activities in the community and to build the independence she will need for college. Jade also helps to look after her mother, who has multiple sclerosis, and has been identified as a young carer.",
    },

    { section: "E", title: "Outcomes" },
    {
      ol: [
        { text: "By the end of Year 11 (July 2027), Jade will achieve the GCSE grades she needs for a Level 2 animal care course at college (grade 4 in English and maths).", outcome: "smart" },
        { text: "By July 2027, Jade will ask a teacher to explain or repeat something she has not understood, using her help card or in words, in at least 4 lessons a week, as recorded by her learning mentor.", outcome: "smart" },
        { text: "By July 2027, Jade's attendance will be at least 85% over each half term.", outcome: "smart" },
        { text: "Jade will develop her confidence.", outcome: "not-smart" },
        { text: "By July 2027, Jade will travel by bus from home to college and back on her own, having practised the route with her personal assistant.", outcome: "smart" },
        { text: "Jade will be supported to manage her anxiety.", outcome: "not-smart" },
      ],
    },

    { section: "F", title: "Special Educational Provision" },
    { p: "The provision below will be made by Kingsley Academy.", ...NOT_PROVISION },
    provisionTable(
      ["Area of need", "Provision", "Staffing and frequency"],
      [
        [["Understanding in lessons", "Printed copies of lesson slides and key vocabulary lists for every lesson, given to Jade at the start of the lesson.", "Subject teachers; every lesson"], SPECIFIC],
        [["Understanding in lessons", "Teachers will check Jade's understanding privately after giving instructions, and will not ask her to answer in front of the class without warning.", "Subject teachers; every lesson"], SPECIFIC],
        [["Subject vocabulary", "Pre-teaching of key subject vocabulary for English, science and history, 1:1, using the Word Aware approach.", "Teaching assistant trained in Word Aware; 30 minutes twice a week"], SPECIFIC],
        [["Reading comprehension", "Reading comprehension intervention (Reciprocal Reading) in a group of no more than 4 students.", "Teaching assistant; 40 minutes once a week, in tutor time"], SPECIFIC],
        [["Exams", "Access arrangements: 25% extra time, a reader and a separate room for all tests and GCSE examinations, subject to the Joint Council for Qualifications rules.", "Exams officer and SENCo; every test and examination"], SPECIFIC],
        [["Anxiety", "Weekly mentoring sessions with Ms Grant, learning mentor, using a cognitive behavioural approach agreed with CAMHS.", "Learning mentor; 45 minutes once a week"], SPECIFIC],
        [["Anxiety", "Access to the Hub (the school's inclusion base) when she feels anxious, using a time-out card, for up to 15 minutes, after which a member of the Hub staff will go back to the lesson with her.", "Hub staff; whenever Jade uses her card"], SPECIFIC],
        [["Attendance", "A key adult to support Jade with attendance.", "School"], VAGUE],
        [["Moving between lessons", "Jade will leave each lesson 3 minutes early to avoid busy corridors, with a pass signed by her head of year.", "Subject teachers; every lesson"], SPECIFIC],
        [["Social skills", "Opportunities to join lunchtime clubs, such as art club.", "School"], VAGUE],
        [["Preparing for adulthood", "Help for Jade to plan her move to college.", "School; as required"], VAGUE],
        [["Preparing for adulthood", "Two taster days at Eastmarsh College (animal care) in the summer term 2027, accompanied by her learning mentor, and a transition review meeting with the college's additional learning support team before 31 March 2027.", "Learning mentor and SENCo"], SPECIFIC],
        [["All needs", "Jade will receive support from a teaching assistant in lessons where needed.", "Teaching assistant; regular"], VAGUE],
      ],
      [2.5, 6, 3.5],
    ),

    { section: "G", title: "Health Provision" },
    {
      ul: [
        { text: "Speech and language therapy: a block of six 45-minute sessions each term from a specialist speech and language therapist, in school, working on understanding and using subject vocabulary and on explaining her ideas in order, with a programme for staff to follow.", ...SPECIFIC },
        { text: "Occupational therapy: a sensory and motor programme written by the occupational therapist, with a review visit to school once each term (1 hour) to train staff and update the programme.", ...SPECIFIC },
        { text: "Cognitive behavioural therapy for anxiety from CAMHS, weekly sessions of 50 minutes for 12 weeks, when Jade reaches the top of the waiting list.", ...SPECIFIC },
        { text: "Dr Marsden will review Jade in clinic if her stomach aches and headaches continue.", ...VAGUE },
      ],
    },

    { section: "H", title: "Social Care Provision" },
    { h: "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970", level: 3, subsection: "H1" },
    {
      ul: [
        {
          text: "A personal assistant for 4 hours every Saturday, paid through a direct payment, to support Jade to go to the youth art group at the Eastmarsh Arts Centre and to practise travelling by bus.",
          ...SPECIFIC,
        },
        { text: "Support to access leisure activities in the holidays as required.", ...VAGUE },
      ],
    },
    { h: "Other social care provision", level: 3, subsection: "H2" },
    {
      ul: [
        { text: "Jade will attend the Eastmarsh Young Carers group, 2 hours every other Wednesday after school, with transport provided by the Young Carers Service.", ...SPECIFIC },
        { text: "The family will be offered Early Help support if needed.", ...VAGUE },
      ],
    },

    { section: "I", title: "Placement" },
    { p: "Kingsley Academy, Station Road, Eastmarsh. A mainstream secondary academy (ages 11 to 18)." },

    { section: "J", title: "Personal Budget" },
    { p: "Jade's parents receive a direct payment of £96 a week (4 hours at £24 an hour) for the personal assistant set out in the social care provision above. There is no personal budget for the special educational provision." },

    { section: "K", title: "Advice and Information" },
    {
      table: {
        header: ["Advice", "Author", "Date"],
        rows: [
          ["Advice from Jade's parent", "Mrs Karen Whitlock", "20 February 2026"],
          ["Jade's views (\"My future\" form)", "Jade Whitlock, with Ms Lauren Grant, Learning Mentor, Kingsley Academy", "24 February 2026"],
          ["Educational advice", "Mr Paul Steadman, SENCo, Kingsley Academy", "27 February 2026"],
          ["Medical advice", "Dr Helen Marsden, Consultant Paediatrician, Eastmarsh Hospitals NHS Trust", "26 February 2026"],
          ["Psychological advice", "Ms Fiona Beck, Educational Psychologist, Eastmarsh Educational Psychology Service", "3 March 2026"],
          ["Speech and language therapy advice", "Mr Owen Pritchard, Speech and Language Therapist, Eastmarsh Community Health", "10 March 2026"],
          ["Occupational therapy advice", "Ms Amy Clarke, Occupational Therapist, Eastmarsh Community Health", "17 March 2026"],
          ["CAMHS assessment letter", "Dr Nicola Hart, Clinical Psychologist, Eastmarsh CAMHS", "3 March 2025"],
          ["Social care advice", "Mr Raj Bhatt, Social Worker, Eastmarsh Disabled Children's Service", "14 April 2026"],
          ["Careers guidance report", "Ms Sunita Rao, Careers Adviser, Eastmarsh Careers Service", "12 March 2026"],
        ],
        widths: [3, 6, 2],
      },
    },
  ],
  expect: {
    sections: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"],
    facts: {
      childName: "Jade Whitlock",
      dateOfBirth: "2011-05-17",
      status: "final",
      requestDate: "2026-02-02",
      draftIssuedDate: "2026-06-08",
      finalIssuedDate: "2026-06-25",
      planDate: "2026-06-25",
      reviewDate: "2027-06-24",
    },
    notes:
      "Young person in Year 10; headings by meaning only; combined 'Social Care Provision' split into H1/H2 by sub-headings that name the CSDPA 1970 and 'Other social care provision' (no letters). Section A first-person quotes with aspirations and how to communicate. Faults: speech and language therapy and occupational therapy only in Health Provision (G), none in F; the sensory and physical needs (noise sensitivity, developmental coordination disorder, handwriting) have no provision in F; outcomes 'Jade will develop her confidence' and 'Jade will be supported to manage her anxiety' are not SMART; vague rows: key adult, opportunities/such as, help to plan her move to college as required, TA support where needed/regular; hard cases: 'Access to the Hub ... for up to 15 minutes, after which...' (specific), exam arrangements 'subject to the JCQ rules' (specific). CAMHS letter of 3 March 2025 is over 12 months old at the plan date; the careers report is listed in K but never referred to. Final issued 20 weeks 3 days after the request (late), 17 days after the draft.",
  },
};
