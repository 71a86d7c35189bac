// Speech and language therapy advice for Amara Okafor (pair-1-*), recommendations as bullet lists under
// sub-headings. Against pair-1-final: 3 carried, 2 weakened, 1 missing.
import type { SampleSpec } from "../../spec.ts";
import { AMARA, AMARA_ADVISERS } from "./amara-okafor-advisers.ts";

const salt = AMARA_ADVISERS.speechAndLanguage;

export const amaraSaltReport: SampleSpec = {
  id: "pair-1-advice-salt",
  kind: "advice-report",
  runningHeader: `Castlebrook Community Health NHS Trust – ${salt.organisation}`,
  blocks: [
    { h: "Speech and Language Therapy Advice", level: 1 },
    { p: "Advice for an Education, Health and Care needs assessment (Children and Families Act 2014, section 36)" },
    { p: `**Name:** ${AMARA.name}    **Date of birth:** ${AMARA.dateOfBirth}` },
    { p: `**School:** ${AMARA.school}    **NHS number:** 999 123 4567` },
    { p: `**Report written by:** ${salt.name}, ${salt.role} (HCPC, MRCSLT), ${salt.organisation}` },
    { p: `**Date of report:** ${salt.date}` },
    { h: "Reason for referral" },
    {
      p: "Amara has been known to the speech and language therapy service since 2022, when she was referred by her health visitor because of delayed talking. I have been asked to give advice about her speech, language and communication needs for her EHC needs assessment.",
    },
    { h: "Background" },
    {
      p: "Amara was diagnosed with developmental language disorder (DLD) in 2024, after a block of therapy showed that her difficulties were persistent. Her early development was otherwise unremarkable apart from recurrent glue ear, which was treated with grommets in 2020. Her hearing was last tested in January 2026 and is within normal limits. English is the only language spoken at home.",
    },
    {
      p: "Since 2024 Amara has had two blocks of six therapy sessions in school and a programme that school staff were asked to deliver. School report that it has been hard to deliver the programme consistently because of staffing.",
    },
    { h: "Assessment" },
    { p: "I assessed Amara in school on 12 and 17 March 2026, observed her in a maths lesson, and spoke with her class teacher, her teaching assistant and her mother." },
    { h: "Formal assessment", level: 3 },
    {
      table: {
        header: ["Clinical Evaluation of Language Fundamentals (CELF-5UK)", "Scaled score", "Percentile"],
        rows: [
          ["Sentence comprehension", "5", "5th"],
          ["Following directions", "4", "2nd"],
          ["Word classes", "6", "9th"],
          ["Formulated sentences", "6", "9th"],
          ["Recalling sentences", "4", "2nd"],
        ],
        widths: [6, 2, 2],
      },
    },
    {
      p: "Scaled scores have an average of 10; scores below 7 show a significant difficulty. Amara's receptive language (understanding) is at the 5th percentile and her expressive language (talking) is at the 9th percentile for her age. Her recall of sentences, which relies on auditory memory, is a particular difficulty.",
    },
    { h: "Observation in class", level: 3 },
    {
      p: "In a maths lesson, the teacher gave a three-part instruction to the class. Amara began the first step and then looked at her neighbour's work to find out what to do next. When I asked her what she had to do, she said “the sums” but could not explain the rest. She understood better when the teaching assistant pointed to each step on the board. Amara did not ask for help at any point.",
    },
    { h: "Narrative and vocabulary", level: 3 },
    {
      p: "Amara told the story from a four-picture sequence. She named the characters and some actions, but did not link events with words such as “because” or “then”, and her story had no ending. She knew fewer of the Year 3 and Year 4 topic words than her classmates and often used “thing” or pointed instead of naming an object.",
    },
    { h: "Amara's views" },
    { p: "Amara said that she likes talking with her friend Lily and with Mrs Patel. She said that “sometimes the teacher talks too long and I forget”. She said it helps when “Mrs Patel shows me”." },
    { h: "Summary" },
    {
      p: "Amara has a developmental language disorder that affects her understanding of spoken language, her vocabulary, her sentence structure and her ability to tell a story. This affects her access to the whole curriculum, her reading comprehension and her confidence with other children. Her needs are long-term, and she needs both direct therapy and a programme delivered consistently in school.",
    },
    { h: "Recommendations" },
    { p: "In my professional opinion, Amara needs the following provision to meet her speech, language and communication needs." },
    { h: "Therapy", level: 3 },
    {
      ul: [
        { text: "Direct speech and language therapy: three 30-minute sessions a week from a speech and language therapist, in school, for the next school year, working on understanding instructions, concept words and sentence structure.", recommendation: "weakened" },
        { text: "A review of Amara's progress by the speech and language therapist each term, with a written report and new targets sent to school and to Amara's parents.", recommendation: "missing" },
      ],
    },
    { h: "Programme delivered in school", level: 3 },
    {
      ul: [
        { text: "A vocabulary programme using the Word Aware approach, delivered by a teaching assistant trained by the speech and language therapist, in a group of no more than 3 pupils, for 20 minutes, 4 times a week.", recommendation: "carried" },
        { text: "A narrative group (Black Sheep Press Narrative Therapy programme) delivered by a trained teaching assistant for 30 minutes once a week, in a group of no more than 4 pupils, using story planners and visual prompts.", recommendation: "weakened" },
      ],
    },
    { h: "Support in the classroom", level: 3 },
    {
      ul: [
        { text: "A visual timetable on Amara's desk and a task board breaking each independent task into numbered steps with pictures, in every lesson.", recommendation: "carried" },
        { text: "Training for Amara's class teacher and teaching assistant in the strategies in this report: one 1-hour session each term from the speech and language therapist.", recommendation: "carried" },
      ],
    },
    { p: "Please contact me if you would like to discuss this advice." },
    { p: `${salt.name}, ${salt.role}` },
  ],
  expect: {
    sections: [],
    notes: "Speech and language therapy advice for Amara Okafor (pair-1-final): 6 recommendations – 3 carried, 2 weakened (three 30-minute sessions a week → \"regular speech and language support\"; narrative group → \"opportunities ... in a small group\"), 1 missing (termly therapist review).",
  },
};
