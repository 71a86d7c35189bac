// Occupational therapy advice for Amara Okafor (pair-1-*), recommendations as "would benefit from" paragraphs under
// a Recommendations heading rather than a list. Against pair-1-final: 3 carried, 1 weakened, 1 missing.
import type { SampleSpec } from "../../spec.ts";
import { AMARA, AMARA_ADVISERS } from "./amara-okafor-advisers.ts";

const ot = AMARA_ADVISERS.occupationalTherapy;

export const amaraOtReport: SampleSpec = {
  id: "pair-1-advice-ot",
  kind: "advice-report",
  runningHeader: `${ot.organisation} – Occupational Therapy`,
  blocks: [
    { h: "Occupational Therapy Report", level: 1 },
    { p: "Advice for Education, Health and Care needs assessment" },
    {
      table: {
        header: ["Child", "Date of birth", "School", "Date of report"],
        rows: [[AMARA.name, AMARA.dateOfBirth, AMARA.school, ot.date]],
        widths: [3, 3, 4, 3],
      },
    },
    { p: `Written by ${ot.name}, ${ot.role} (HCPC registered), ${ot.organisation}.` },
    { h: "Reason for referral" },
    {
      p: "Amara was referred to the occupational therapy service by her SENCo, Mr Hughes, in January 2026 because of difficulties with handwriting, fidgeting in class and tiredness when writing. The SEND Service then asked for occupational therapy advice for her EHC needs assessment.",
    },
    { h: "Background" },
    {
      p: "Amara has a developmental language disorder and is known to the speech and language therapy service. Her parents report that she was slower than her brother to learn to use a knife and fork, to do up buttons and to ride a bike, but that she now manages most self-care at home with some extra time. She enjoys drawing and will draw for long periods at home, holding her pencil very tightly.",
    },
    { h: "Assessment" },
    { p: "I saw Amara in school on 24 March 2026. I observed her in an English lesson and at lunchtime, assessed her individually, and talked with her teaching assistant, Mrs Patel, and with her mother by telephone." },
    { h: "Observation in class", level: 3 },
    {
      p: "During a 40-minute English lesson Amara sat on the carpet for the introduction and then at her table for a writing task. On the carpet she shifted position eleven times and leaned against the child next to her. At her table she sat on one foot, rested her head on her arm while writing and stopped to shake out her hand three times. She wrote two short sentences in twenty minutes. When Mrs Patel sent her to return a box of books to the library, she came back calmer and wrote a further sentence without prompting.",
    },
    { h: "Standardised assessment", level: 3 },
    {
      p: "On the Movement Assessment Battery for Children (Movement ABC-3), Amara's manual dexterity score was at the 2nd percentile, and her aiming and catching and balance scores were at the 16th and 25th percentiles. On the Beery Test of Visual-Motor Integration her standard score was 74 (4th percentile). Her fine motor and visual-motor skills are therefore below the 5th percentile for her age, while her gross motor skills are within the low average range.",
    },
    { h: "Handwriting", level: 3 },
    {
      p: "Amara holds her pencil in a tight, fisted grip with her thumb wrapped over her fingers. She presses very hard and her hand tires after about five minutes. Her letters are large, vary in size and often sit off the line, and several letters (b, d, p, g) are formed from the bottom up. In a five-minute copying task she wrote 21 letters, which is well below what is expected for her age.",
    },
    { h: "Sensory processing", level: 3 },
    {
      p: "The Sensory Processing Measure (school form), completed by Mrs Patel, shows that Amara seeks movement and deep pressure: she fidgets, rocks on her chair, leans on furniture and other children, and chews her sleeves, especially after sitting for more than half an hour. These behaviours reduce after PE and after she has carried heavy items. She is sensitive to noise in busy spaces such as the hall at lunchtime.",
    },
    { h: "Self-care", level: 3 },
    { p: "Amara manages toileting and eating independently. She needs help with small buttons and with tying laces, and she is slow to change for PE." },
    { h: "Amara's views" },
    { p: "Amara told me that writing “hurts my hand here” (pointing to her thumb) and that she likes drawing “because I can go slow”. She said she would like to “do typing like my dad”." },
    { h: "Summary" },
    {
      p: "Amara has significant fine motor and visual-motor difficulties that make handwriting slow and tiring, and she seeks movement and deep pressure to stay alert when sitting. These difficulties affect how much she can record in lessons and her attention, and add to her frustration with writing.",
    },
    { h: "Recommendations" },
    {
      p: "Amara would benefit from a daily fine motor programme (Clever Fingers), delivered by a teaching assistant for 15 minutes a day, 5 days a week, with activities that I will set and update each term.",
      recommendation: "carried",
    },
    { p: "Amara would benefit from a sloping writing board and a triangular pencil grip in every lesson where she writes.", recommendation: "carried" },
    {
      p: "Amara needs a 5-minute movement break every 45 minutes in class, such as taking a message to the office or a set of chair push-ups, planned into the lesson rather than given only when she becomes restless.",
      recommendation: "weakened",
    },
    {
      p: "From Year 5, Amara would benefit from learning to touch-type, using a structured typing programme for 15 minutes, 3 times a week, so that she has an alternative to handwriting for longer pieces of work.",
      recommendation: "missing",
    },
    {
      p: "I recommend a 10-minute sensory circuit (alerting, organising and calming activities) every morning before registration, led by a teaching assistant whom I will train.",
      recommendation: "carried",
    },
    { h: "Further involvement" },
    { p: "I will visit school in the summer term to train staff in the sensory circuit and the fine motor programme. Amara's parents and school can contact the service directly if they have concerns." },
    { p: `${ot.name}, ${ot.role}` },
  ],
  expect: {
    sections: [],
    notes: "Occupational therapy advice for Amara Okafor (pair-1-final): 5 recommendations – 3 carried, 1 weakened (a 5-minute break every 45 minutes → \"movement breaks as needed\"), 1 missing (touch-typing).",
  },
};
