// A POOR final plan: "Part A – All about me" headings, provision in bullet lists, mostly vague. Section A only in the
// third person and the parents' words; outcomes without measures; placeholders left in («Child_Forename», [insert date]);
// another child's name pasted once (Jayden); pronouns switch to "she/her" in Parts E and F; the same paragraph in
// Parts B and F; no medical advice in Part K although a paediatrician diagnosed ADHD; the educational psychology advice
// is 19 months old; final issued 27 weeks after the request and only 14 days after the draft.
import type { SampleSpec } from "../../spec.ts";
import { NOT_PROVISION, SPECIFIC, VAGUE } from "./shared.ts";

const REPEATED = "Kai needs a high level of adult support throughout the school day to help him to stay on task and manage his behaviour.";

export const kaiRobinson: SampleSpec = {
  id: "plan-kai-robinson",
  kind: "plan",
  template: "part-dash",
  runningHeader: "Kai Robinson  DOB 02/07/2016  EHC plan",
  blocks: [
    { h: "Westmoor Borough Council – Education, Health and Care Plan", level: 1 },
    { p: "Name: Kai Robinson" },
    { p: "DOB: 02/07/2016" },
    { p: "Plan status: FINAL" },
    { p: "Date of request for assessment: 06/10/2025" },
    { p: "Date draft plan issued: 30/03/2026" },
    { p: "Date final plan issued: 13/04/2026" },
    { p: "Date of plan: 13/04/2026" },
    { p: "Date of next review: [insert date]" },
    { p: "School: Greenfield Junior School    Year group: 5    UPN: withheld" },
    {
      p: "This Education, Health and Care Plan has been written in accordance with the Children and Families Act 2014, the Special Educational Needs and Disability Regulations 2014 and the SEND Code of Practice: 0 to 25 years (2015). The plan should be read together with the advice and information listed in Part K. The local authority must secure the special educational provision in Part F. The plan will be reviewed at least every 12 months.",
    },

    { section: "A", title: "All about me" },
    { p: "Kai lives at home with his mum, his stepdad and his two younger sisters. He sees his dad every other weekend." },
    {
      p: "Kai's mum says that Kai is a loving boy who enjoys football, Minecraft and riding his bike. He supports Westmoor Rovers and goes to a football club on Saturday mornings. Kai likes animals and helps to look after the family's dog. He is good with his younger sisters and can be very caring.",
    },
    {
      p: "Kai's mum says that Kai has always found school difficult. He finds it hard to sit still and listen, and he often gets into trouble at playtimes. Kai's mum feels that Kai has been labelled as naughty and that school do not understand his ADHD. Mum reports that Kai often says he hates school and that he is stupid, and that he can be angry and upset at home after school.",
    },
    {
      p: "Mum would like Kai to be able to read and write so that he can keep up with his class, and for him to have friends and to stop getting into trouble. She would like him to go to secondary school with the children in his class. Kai's stepdad would like Kai to have more help in class.",
    },
    {
      p: "School report that Kai is a popular boy with some of the younger children and that he is helpful when given a job to do, such as taking the register to the office or setting up the hall for PE. Kai responds well to praise and to adults he has a good relationship with. School feel that Kai is a bright boy who has a lot of potential.",
    },
    { p: "Kai would like to be a footballer or a YouTuber when he is older." },
    { p: "Kai was not available to contribute his views to this plan." },

    { section: "B", title: "My special educational needs" },
    { p: "Kai has been identified as having special educational needs in the areas of communication and interaction, cognition and learning, and social, emotional and mental health." },
    { h: "Communication and interaction", level: 3 },
    {
      p: "Kai was seen by the Westmoor Speech and Language Therapy Service in Year 2. The report stated that Kai has difficulties with expressive language and word finding. Kai can find it hard to explain what has happened, particularly when he is upset, and school report that his spoken sentences are short and he uses a limited range of vocabulary. Kai has difficulty understanding longer instructions.",
    },
    {
      p: "In class, Kai often talks over other children and finds it hard to wait for his turn to speak. He can misunderstand what his peers say to him, and this has led to arguments at playtime. Kai's class teacher has noticed that Kai will often start a task before the instructions have finished and then ask an adult what to do.",
    },
    { h: "Cognition and learning", level: 3 },
    {
      p: "Kai is working significantly below age-related expectations in reading, writing and maths. School report that Kai is reading at book band turquoise and has a reading age of approximately 6 years 8 months. He has gaps in his phonic knowledge and finds spelling very difficult. Kai's writing is short and difficult to read. He is working at around Year 2 level in maths and does not yet know his times tables.",
    },
    {
      p: "The Educational Psychologist's report (September 2024) found that Kai's verbal comprehension and working memory were in the below average range and that his processing speed was in the low range. Kai's visual reasoning was in the average range.",
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      p: "Kai has a diagnosis of Attention Deficit Hyperactivity Disorder (ADHD). Kai finds it very difficult to concentrate and to stay on task for more than a few minutes. Jayden finds it difficult to stay in his seat for more than a few minutes and often calls out in class. Kai can become dysregulated during unstructured times and has been involved in a number of incidents at lunchtime. He has had two fixed-term suspensions this year.",
    },
    {
      p: "School report that Kai's behaviour is worse in the afternoons and on Mondays, and after changes to routine such as supply teachers, trips and assemblies. Incidents usually start with a disagreement during a game and escalate quickly. Kai can take a long time to calm down after an incident, and he sometimes leaves the classroom without permission. When he is calm, Kai is able to talk about what happened and will often say sorry.",
    },
    { p: "Kai has low self-esteem and often describes himself as stupid. He finds it hard to make and keep friendships and can become involved in conflict with peers." },
    { p: REPEATED },

    { section: "C", title: "My health needs" },
    {
      p: "Kai was diagnosed with ADHD by Dr Fraser, Consultant Paediatrician, in 2023. He takes medication (methylphenidate) each morning at home. Mum reports that the medication helps but wears off by the afternoon. Kai has mild asthma and uses an inhaler when needed. Kai's sleep is poor and he often does not get to sleep until after 10pm.",
    },

    { section: "D", title: "My social care needs" },
    { p: "Kai is not known to social care. No social care needs have been identified." },

    { section: "E", title: "My outcomes" },
    { p: "By the end of Key Stage 2:" },
    {
      ul: [
        { text: "Kai will improve his reading.", outcome: "not-smart" },
        { text: "Kai will improve her handwriting and spelling.", outcome: "not-smart" },
        { text: "Kai will develop his social skills and make friends.", outcome: "not-smart" },
        { text: "Kai will be supported to manage his behaviour.", outcome: "not-smart" },
        { text: "«Child_Forename» will be able to use strategies to regulate his emotions.", outcome: "not-smart" },
        { text: "Kai will be happy at school and achieve his potential.", outcome: "not-smart" },
        { text: "Kai will make progress in maths.", outcome: "not-smart" },
      ],
    },

    { section: "F", title: "The support I will get" },
    { p: "Kai will receive the following support at Greenfield Junior School:", ...NOT_PROVISION },
    { h: "Communication and interaction", level: 3 },
    {
      ul: [
        { text: "Kai will have access to speech and language therapy as required.", ...VAGUE },
        { text: "Regular small group support to develop her vocabulary and language skills.", ...VAGUE },
        { text: "Kai would benefit from visual prompts and from instructions being broken down.", ...VAGUE },
        { text: "Adults should check Kai's understanding where appropriate.", ...VAGUE },
      ],
    },
    { h: "Cognition and learning", level: 3 },
    {
      ul: [
        { text: "Daily 1:1 reading with an adult.", ...VAGUE },
        { text: "Kai will take part in a small group phonics intervention (Read Write Inc.) for 20–45 minutes each day, delivered by a teaching assistant.", ...VAGUE },
        {
          text: "Kai will have a 1:1 Toe by Toe reading session with a teaching assistant trained in the programme, 15 minutes every morning before registration.",
          ...SPECIFIC,
        },
        { text: "Up to 10 hours of teaching assistant support per week.", ...VAGUE },
        { text: "Interventions such as Precision Teaching, Nessy, etc.", ...VAGUE },
        { text: "Differentiated work and resources to support her learning in all lessons.", ...VAGUE },
        { text: "Kai may benefit from the use of a laptop for extended writing tasks.", ...VAGUE },
      ],
    },
    { h: "Social, emotional and mental health", level: 3 },
    {
      ul: [
        { text: "Kai will have a key adult in school.", ...VAGUE },
        { text: "Access to a calm space when dysregulated.", ...VAGUE },
        { text: "Lego-based therapy social skills group of 3 pupils, 45 minutes once a week, led by a teaching assistant trained in Lego-based therapy.", ...SPECIFIC },
        { text: "Kai should have opportunities to take movement breaks as appropriate.", ...VAGUE },
        { text: "Support from the Westmoor Behaviour Support Team, subject to review.", ...VAGUE },
        { text: "Lunchtime support as needed.", ...VAGUE },
        { text: "Staff will receive training in ADHD as appropriate.", ...VAGUE },
        { text: "A home-school communication book will be used to share information about Kai's day.", ...VAGUE },
      ],
    },
    { h: "Sensory and physical", level: 3 },
    {
      ul: [{ text: "It is recommended that Kai uses a wobble cushion and fidget toys, e.g. a stress ball.", ...VAGUE }],
    },
    { p: REPEATED, ...VAGUE },

    { section: "G", title: "My health provision" },
    {
      ul: [
        { text: "Kai will continue to be seen by the paediatrician as required.", ...VAGUE },
        { text: "A referral to CAMHS should be considered if Kai's anxiety increases.", ...VAGUE },
        { text: "School to be aware of Kai's asthma.", ...VAGUE },
      ],
    },

    { section: "H1", title: "Social care provision under section 2 of the CSDPA 1970" },
    { p: "N/A", ...NOT_PROVISION },
    { section: "H2", title: "Other social care provision" },
    { p: "N/A", ...NOT_PROVISION },

    { section: "I", title: "My school" },
    { p: "Greenfield Junior School (mainstream)." },
    { p: "Kai's parents expressed a preference for Greenfield Junior School, which Kai currently attends. The school was consulted on 3 February 2026 and confirmed that it can meet Kai's needs with the provision set out in this plan." },

    { section: "J", title: "Personal budget" },
    { p: "Not applicable." },

    { section: "K", title: "Advice and information" },
    {
      p: "The local authority has considered all of the advice and information listed below in writing this plan. Copies of the advice are available from the SEND Team on request. Parents have the right to appeal to the First-tier Tribunal (Special Educational Needs and Disability) about the description of Kai's special educational needs in Part B, the provision in Part F and the school named in Part I. Information about mediation is enclosed with this plan.",
    },
    { p: "The following advice and information was considered:" },
    {
      ul: [
        "Parental advice – Mrs Leanne Robinson (mother)",
        "Educational advice – Miss Hannah Cole, SENCo, Greenfield Junior School, 20 November 2025",
        "Psychological advice – Mr Gareth Lyle, Educational Psychologist, Westmoor Educational Psychology Service, 14 September 2024",
        "Speech and language therapy advice – Westmoor Speech and Language Therapy Service, TBC",
        "Social care advice – Westmoor Children's Services, 2 December 2025 (not known to social care)",
      ],
    },
  ],
  expect: {
    sections: ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"],
    facts: {
      childName: "Kai Robinson",
      dateOfBirth: "2016-07-02",
      status: "final",
      requestDate: "2025-10-06",
      draftIssuedDate: "2026-03-30",
      finalIssuedDate: "2026-04-13",
      planDate: "2026-04-13",
    },
    notes:
      "Poor plan. Part A only third person and mum's views, and says Kai was not available to give his views; no 'how to communicate'. Outcomes not SMART ('will improve his reading', 'will be happy at school and achieve his potential', 'will be supported to'). Placeholders: «Child_Forename» (Part E), [insert date] (review date, so no review date fact), TBC (Part K). Another child's name: 'Jayden finds it difficult...' in Part B. Pronouns switch to 'her' in Part E and Part F. The paragraph 'Kai needs a high level of adult support...' appears in Parts B and F. Provision mostly vague (access to, as required, regular small group, would/may benefit, should, up to, such as/etc., key adult, 20–45 minutes, subject to review); two specific bullets. Part K has no medical advice although Part C names the paediatrician, the EP advice (14 September 2024) is over 12 months old, the SaLT advice date is TBC, the parental advice is undated. Final issued 27 weeks after the request (over the 20-week limit) and 14 days after the draft (under 15).",
  },
};
