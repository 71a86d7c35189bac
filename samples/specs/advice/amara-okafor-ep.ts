// Psychological advice for Amara Okafor (pair-1-*), recommendations as a numbered list. Against pair-1-final:
// 3 carried, 3 weakened, 1 missing.
import type { SampleSpec } from "../../spec.ts";
import { AMARA, AMARA_ADVISERS } from "./amara-okafor-advisers.ts";

const ep = AMARA_ADVISERS.psychology;

export const amaraEpReport: SampleSpec = {
  id: "pair-1-advice-ep",
  kind: "advice-report",
  runningHeader: `${ep.organisation} – CONFIDENTIAL`,
  blocks: [
    { h: ep.organisation, level: 1 },
    { h: "Psychological advice for an Education, Health and Care needs assessment", level: 1 },
    {
      table: {
        header: ["Details", ""],
        rows: [
          ["Child's name", AMARA.name],
          ["Date of birth", AMARA.dateOfBirth],
          ["School", `${AMARA.school} (Year 4)`],
          ["Date of assessment", "10 March 2026"],
          ["Date of report", ep.date],
          ["Author", `${ep.name}, ${ep.role} (HCPC registered)`],
        ],
        widths: [3, 7],
      },
    },
    { h: "Reason for involvement" },
    {
      p: "Castlebrook Council asked for psychological advice as part of an Education, Health and Care (EHC) needs assessment, following a request from Amara's parents on 2 February 2026. The school and Amara's parents are concerned about her slow progress in reading and writing, her understanding of spoken language and her anxiety at unstructured times.",
    },
    { h: "Background" },
    {
      p: "Amara is nine years old and lives with her parents and younger brother. She had recurrent glue ear in her early years and had grommets fitted in 2020. She was diagnosed with a developmental language disorder by the speech and language therapy service in 2024. Amara has attended Larkhill Vale Primary School since Reception and has been on the school's SEN register since then, receiving small group phonics and language support.",
    },
    {
      p: "School records show that Amara's reading has progressed slowly despite two years of group phonics intervention. Her attendance is good (97%). Her parents describe her as kind and creative, and say that she is increasingly reluctant to come to school on Monday mornings.",
    },
    { h: "Sources of information" },
    {
      ul: [
        "Consultation with Amara's parents, Sarah and David Okafor, on 3 March 2026.",
        "Consultation with Mr D. Hughes (SENCo) and Mrs Cole (class teacher) on 10 March 2026.",
        "Observation of Amara in a literacy lesson and on the playground at lunchtime on 10 March 2026.",
        "Individual assessment with Amara on 10 March 2026.",
        "School records, including the SEN support plan and reading assessments.",
      ],
    },
    { h: "Amara's views" },
    {
      p: "Amara talked with me while she drew a picture of her school day. She drew herself “with Lily” on the playground and said that she likes art, animals and golden time. She said that writing “makes my hand hurt” and that lunchtime is “too noisy and everyone runs”. When I asked what would help, she said: “If someone plays with me and Lily.”",
    },
    { h: "Assessment" },
    { h: "Cognitive abilities", level: 3 },
    {
      p: "I used selected scales of the British Ability Scales (Third Edition). Scores have an average of 100, and most children score between 85 and 115.",
    },
    {
      table: {
        header: ["Scale", "Standard score", "Description"],
        rows: [
          ["Verbal comprehension", "76", "Well below average"],
          ["Non-verbal reasoning", "98", "Average"],
          ["Spatial ability", "94", "Average"],
          ["Working memory (recall of digits forward)", "74", "Well below average"],
          ["Processing speed", "86", "Below average"],
        ],
        widths: [5, 2, 3],
      },
    },
    {
      p: "These results show a clear difference between Amara's reasoning with pictures and patterns, which is in the average range, and her understanding of spoken language and her memory for what she hears, which are well below average. This pattern fits her diagnosis of developmental language disorder. Amara is a capable learner when information is shown to her, but she loses track of long spoken explanations.",
    },
    { h: "Literacy", level: 3 },
    {
      p: "Amara read 22 of the 40 Phase 3 and Phase 4 words I showed her. She sounded out simple words accurately but did not blend longer words and often guessed from the first letter. She could not yet read common exception words such as “said”, “they” and “people” reliably. Her spelling is phonetically plausible for simple words. In a short writing task she wrote one sentence and stopped, saying she did not know what to write next.",
    },
    { h: "Social and emotional wellbeing", level: 3 },
    {
      p: "In class, Amara was quiet and watched other children before starting work. At lunchtime she stood near the fence with Lily for most of the break and did not join a game. On a self-report scale she rated lunchtime and writing as the parts of the day that make her most worried. Amara's anxiety appears to be linked to not understanding what is said to her and to noisy, busy places.",
    },
    { h: "Summary of needs" },
    {
      ul: [
        "Significant difficulties with understanding and remembering spoken language, which affect every area of her learning.",
        "Delayed reading and writing, with phonics not yet secure beyond Phase 3.",
        "Anxiety at unstructured times and when she does not understand what is expected of her.",
        "Strengths in visual reasoning, art and creativity, and a warm relationship with her key adult.",
      ],
    },
    { h: "Recommendations" },
    {
      p: "To meet the needs described above, I recommend the following provision. The amounts given are the minimum that I consider necessary for Amara to make progress.",
    },
    {
      ol: [
        { text: "Amara would benefit from a structured, cumulative phonics programme delivered 1:1 by a teaching assistant trained in the programme, for 20 minutes every day (5 times a week).", recommendation: "weakened" },
        { text: "Precision teaching of high-frequency words, delivered 1:1 by a teaching assistant, for 10 minutes, 3 times a week.", recommendation: "weakened" },
        { text: "Pre-teaching of 8 key topic words, with pictures, in a 15-minute session in the week before each new topic.", recommendation: "carried" },
        { text: "A named key adult who meets Amara at the start of each day for a 10-minute check-in and checks in with her again for 5 minutes after lunch.", recommendation: "carried" },
        { text: "An Emotional Literacy Support Assistant (ELSA) programme on recognising and managing worry: six weekly 1:1 sessions of 45 minutes with a trained ELSA.", recommendation: "missing" },
        { text: "A quiet, adult-led lunchtime club on at least 3 days a week, in a group of no more than 6 children, so that Amara can build friendships in a calmer setting.", recommendation: "weakened" },
        { text: "25% extra time and an adult reader in all tests and assessments.", recommendation: "carried" },
      ],
    },
    {
      p: "I have discussed this advice with Amara's parents and with Mr Hughes, who agree with it. Please contact me at the Educational Psychology Service if you have any questions.",
    },
    { p: ep.name },
    { p: `${ep.role}, ${ep.organisation}` },
    { p: ep.date },
  ],
  expect: {
    sections: [],
    notes: "Psychological advice for Amara Okafor (pair-1-final): 7 recommendations – 3 carried, 3 weakened (phonics 5 a week → 3 a week; precision teaching → \"as appropriate\"; lunchtime club → \"access to a lunchtime club\"), 1 missing (ELSA).",
  },
};
