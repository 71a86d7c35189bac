// When advice reports are given, each recommendation in them should be carried into the plan's provision
// (CoP 9.69 asks for provision as detailed as the advice). Reports each recommendation the plan leaves out,
// and each it carries in a weaker form (less often, shorter, without the specialist, hedged).
import type { SectionId } from "../../model/document.ts";
import { defineRule } from "../define-rule.ts";
import { DEFAULT_ADVICE_TYPES, adviceTypesIn } from "../text/advice-list.ts";
import { keyedPhraseListSchema, phraseListSchema } from "../text/phrase-list.ts";
import { judgeRecommendation, readPlanProvision, readRecommendations, type PlanProvision, type PlanStatement, type Recommendation, type RecommendationOptions } from "../text/recommendations.ts";
import { childRef } from "../text/voice.ts";

const DEFAULT_SCOPE: SectionId[] = ["F", "G", "H1", "H2"];
// Where plans also write strategies without making them provision: the views and "how to help me" part, and the outcomes.
const ALSO_MENTIONED_IN: SectionId[] = ["A", "E"];

export const DEFAULT_SYNONYMS: Record<string, string[]> = {
  salt: ["speech and language therapy", "speech and language therapist", "speech & language therapy", "speech & language therapist", "speech and language", "SaLT", "SALT", "SLT", "speech therapy", "speech therapist", "language therapy"],
  ot: ["occupational therapy", "occupational therapist", "OT"],
  physio: ["physiotherapy", "physiotherapist", "physio"],
  ep: ["educational psychologist", "educational psychology", "EP", "psychologist"],
  "specialist-teacher": ["specialist teacher", "advisory teacher", "outreach teacher", "qualified teacher of the deaf", "teacher of the deaf", "QTVI", "specialist dyslexia teacher"],
  ta: ["teaching assistant", "TA", "learning support assistant", "LSA", "support assistant", "HLTA", "higher level teaching assistant", "classroom assistant"],
  teacher: ["class teacher", "teacher", "form tutor", "subject teacher"],
  senco: ["SENCo", "SENDCo", "special educational needs co-ordinator", "special educational needs coordinator", "inclusion manager"],
  "key-adult": ["key adult", "key worker", "keyworker", "named adult", "trusted adult", "check-in", "check in", "check-ins", "meet and greet"],
  elsa: ["ELSA", "emotional literacy support assistant", "emotional literacy support", "emotional literacy"],
  "precision-teaching": ["precision teaching"],
  "social-stories": ["social stories", "social story", "comic strip conversations"],
  "visual-timetable": ["visual timetable", "visual schedule", "picture timetable", "now and next", "now and next board", "now/next"],
  "visual-support": ["visual support", "visual supports", "visual cue", "visual cues", "visual prompts", "visuals", "pictures", "symbols", "task board", "task boards"],
  "sensory-diet": ["sensory diet", "sensory circuit", "sensory circuits", "sensory breaks", "sensory activities", "alerting", "calming activities"],
  "movement-breaks": ["movement breaks", "movement break", "brain breaks", "brain break"],
  "quiet-space": ["quiet space", "quiet room", "quiet area", "calm space", "calm area", "calm room", "safe space", "low-stimulus space", "low stimulus area", "break-out space", "breakout space", "sensory room"],
  phonics: ["phonics", "phonic", "synthetic phonics", "Read Write Inc", "RWI", "Fresh Start", "Letters and Sounds", "Little Wandle"],
  "reading-practice": ["reading practice", "read aloud", "reading aloud", "reading books", "reading book", "paired reading", "guided reading", "hear her read", "hear him read"],
  vocabulary: ["vocabulary", "Word Aware", "new words", "key words", "topic words", "word learning", "word meanings"],
  narrative: ["narrative", "narratives", "story telling", "storytelling", "retelling", "retell", "story structure", "Colourful Semantics", "sentence structure", "sentences"],
  "fine-motor": ["fine motor", "fine-motor", "Clever Fingers", "hand strength", "hand strengthening", "pencil control", "dexterity", "manipulation"],
  handwriting: ["handwriting", "letter formation", "writing slope", "sloping board", "sloping writing board", "writing board", "pencil grip", "pencil grips", "triangular pencil"],
  "emotion-scale": ["zones of regulation", "5-point scale", "five-point scale", "five point scale", "worry scale", "emotion scale", "feelings scale", "incredible 5-point scale"],
  "social-skills": ["social skills", "social skills group", "social communication group", "friendship group", "Lego therapy", "Lego-based therapy", "circle of friends", "Talkabout"],
  lunchtime: ["lunchtime club", "lunch club", "lunchtime", "lunchtimes", "break times", "breaktimes", "playtimes", "unstructured times"],
  transition: ["transition", "transitions", "change of class", "changing class", "new class", "transition booklet", "transition visits", "moving class"],
  "staff-training": ["staff training", "training for", "train staff", "whole-school training", "training session", "training sessions"],
  "exam-access": ["access arrangements", "extra time", "a reader", "an adult reader", "scribe"],
  attention: ["Attention Autism", "attention and listening", "listening skills"],
  instructions: ["instructions", "one step at a time", "chunked", "chunking", "short sentences", "check understanding", "checking understanding", "check that she has understood", "check that he has understood"],
  "pre-teaching": ["pre-teaching", "pre-teach", "pre teach", "preteaching", "pre-taught"],
  memory: ["working memory", "memory"],
  maths: ["maths", "mathematics", "numeracy", "number", "Numicon", "bead strings", "concrete resources", "manipulatives"],
  "writing-support": ["writing frames", "writing frame", "word mats", "word mat", "sentence starters"],
  makaton: ["Makaton", "signing", "signs"],
  pecs: ["PECS", "picture exchange"],
  aac: ["AAC", "communication aid", "communication device", "voice output"],
  habilitation: ["habilitation", "habilitation specialist", "habilitation officer", "mobility officer", "orientation and mobility", "mobility and orientation", "rehabilitation officer for visual impairment", "ROVI", "mobility training", "route training", "cane skills", "long cane"],
  intervenor: ["intervenor", "intervenors", "communicator guide", "communicator-guide"],
};

/** Words of an advice form's fixed text: about the report and the assessment, never a recommendation. */
export const DEFAULT_BOILERPLATE = [
  "if it is decided", "if an EHC plan", "if a plan is", "this report is", "this report was", "this report has", "this report will",
  "this report may", "this report should be read", "this advice is", "this advice was", "this advice will", "the information in", "the information contained",
  "will be attached", "is attached", "are attached", "please contact", "do not hesitate", "contact me", "confidential", "for office use", "the local authority will", "statutory assessment", "needs assessment process",
];

export const DEFAULT_RECOMMENDATION_IGNORE_WORDS = [
  "support", "supports", "supported", "supporting", "provide", "provided", "provision", "help", "helps", "helped", "develop", "development",
  "developing", "skill", "skills", "school", "class", "classroom", "staff", "adult", "adults", "child", "children", "pupil", "pupils",
  "benefit", "benefits", "recommend", "recommended", "recommendation", "recommendations", "need", "needs", "use", "using", "used", "work",
  "working", "programme", "programmes", "regular", "regularly", "appropriate", "access", "opportunities", "opportunity", "ensure", "able",
  "ability", "including", "include", "continue", "continued", "should", "could", "may", "might", "basis", "group", "groups", "small",
  "individual", "individually", "deliver", "delivered", "delivering", "led", "run", "make", "made", "given", "give", "receive", "receives",
  "have", "get", "well", "good", "key", "area", "areas", "target", "targets", "advice", "report", "assessment", "following", "follow",
  "approach", "approaches", "strategies", "strategy", "activities", "activity", "learning", "learn", "also", "further", "additional",
  "specific", "specialist", "direct", "level", "levels", "current", "currently", "place", "put", "consider", "important", "set", "sets",
  "her", "his", "their", "she", "he", "they", "week", "weeks", "term", "terms", "day", "days", "minute", "minutes", "session", "sessions",
];

interface Options extends RecommendationOptions {}

export default defineRule<Options>({
  meta: {
    id: "advice-recommendations",
    category: "professional-advice",
    title: "Advice recommendations are carried into provision",
    description:
      "Reads each advice report's recommendations and, matching by meaning (the intervention, the professional, the amounts), reports each one the plan's provision leaves out and each it carries in a weaker form.",
    source: "SEND Regulations 2014, reg 6(1) and reg 12(1)(k); SEND Code of Practice 9.49, 9.69",
    rationale: "A professional's recommendation should reach the plan's provision whole; one left out, or carried with its amount or its specialist watered down, is provision the child was assessed as needing and will not get.",
    examples: {
      pass: [
        { text: "An advice report recommending weekly sessions with a speech and language therapist, and a Section F giving weekly sessions with a speech and language therapist." },
      ],
      fail: [
        { text: "An advice report recommending three sessions a week, and a Section F giving \"regular sessions\"." },
        { text: "An advice report recommending a sensory diet that the plan never mentions." },
      ],
    },
    defaultSeverity: "error",
    defaultWeight: 3,
    optionsSchema: {
      type: "object",
      properties: {
        recommendationHeadings: phraseListSchema,
        endHeadings: phraseListSchema,
        recommendationCues: phraseListSchema,
        synonyms: keyedPhraseListSchema,
        specialists: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
        staffGroups: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
        ignoreWords: phraseListSchema,
        matchThreshold: { type: "number", exclusiveMinimum: 0, maximum: 1 },
        missingBelow: { type: "number", minimum: 0, maximum: 1 },
        partialWithin: { type: "number", minimum: 0, maximum: 1 },
        boilerplate: phraseListSchema,
        namedProvision: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
        namedProvisionOverride: { type: "number", minimum: 0, maximum: 1 },
        weakeningKinds: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
      },
      required: ["recommendationHeadings", "endHeadings", "recommendationCues", "synonyms", "specialists", "staffGroups", "ignoreWords", "matchThreshold", "missingBelow", "partialWithin", "boilerplate", "namedProvision", "namedProvisionOverride", "weakeningKinds"],
      additionalProperties: false,
    },
    defaultOptions: {
      recommendationHeadings: [
        "recommendations", "recommendation", "summary of recommendations", "recommended provision", "provision recommended", "provision required",
        "suggested provision", "special educational provision", "what would help", "recommended strategies", "suggested strategies",
        "strategies and provision", "advice for school", "advice for staff", "support needed", "support is needed", "support required",
        "what support", "what is needed", "what will help", "how to help", "how to support", "strategies", "next steps",
        "advice to school", "advice to staff", "suggested support", "provision needed", "recommended support",
      ],
      endHeadings: ["signed", "signature", "references", "appendix", "appendices", "distribution", "report written by", "contact details", "glossary"],
      recommendationCues: [
        "would benefit from", "will benefit from", "i recommend", "it is recommended", "i would recommend", "recommend that", "recommend a",
        "recommend an", "should receive", "should have", "should be provided", "needs to be", "needs a", "needs an", "will need", "requires",
        "should", "must", "needs to", "need to", "would help", "will help", "is required", "are required", "to be provided", "to be offered",
        "continue to", "it is important that", "is advised", "i advise", "i suggest", "it is suggested",
      ],
      synonyms: DEFAULT_SYNONYMS,
      specialists: ["salt", "ot", "physio", "ep", "specialist-teacher", "habilitation", "intervenor"],
      staffGroups: ["ta", "teacher", "senco", "key-adult"],
      ignoreWords: DEFAULT_RECOMMENDATION_IGNORE_WORDS,
      matchThreshold: 0.5,
      missingBelow: 0.3,
      partialWithin: 0.75,
      boilerplate: DEFAULT_BOILERPLATE,
      namedProvision: ["elsa", "exam-access", "aac", "pecs", "precision-teaching"],
      namedProvisionOverride: 0.7,
      weakeningKinds: ["access", "discretionary", "imprecise-frequency", "upper-limit", "qualified-commitment", "examples", "range", "unsized-group"],
    },
    messages: {
      missing: "{{report}} recommends this, but the plan's provision (Sections {{sections}}) does not include it.{{nearest}}",
      weakened: '{{report}} recommends this; the plan carries it in a weaker form: "{{plan}}" (Section {{section}}): {{differences}}.',
    },
  },
  check({ inputs, plan, options, scope, report }) {
    if (inputs.advice.length === 0) return { notApplicable: "No advice reports were given, so their recommendations could not be compared with the plan." };
    // The child's name is no evidence that a plan statement carries a recommendation; an advice report may name them when the plan's title block was not read.
    const childName = childRef(plan.facts).fullName ?? inputs.advice.map((adviceReport) => adviceReport.facts.childName).find(Boolean);
    const sectionIds = scope ?? DEFAULT_SCOPE;
    const provision = readPlanProvision(plan, sectionIds, options, childName);
    const elsewhere = readPlanProvision(plan, ALSO_MENTIONED_IN.filter((id) => !sectionIds.includes(id)), options, childName);
    const sectionsLabel = [...new Set(sectionIds.map((id) => id.replace(/^H\d$/, "H")))].join(", ");
    let total = 0;
    let credit = 0;
    const counts = { carried: 0, weakened: 0, uncertain: 0, missing: 0 };
    for (const adviceReport of inputs.advice) {
      const name = reportName(adviceReport.fileName, adviceReport.blocks.slice(0, 12).map((block) => block.text).join("\n"));
      for (const recommendation of readRecommendations(adviceReport, options, childName)) {
        total += 1;
        const verdict = judgeRecommendation(recommendation, provision, options);
        counts[verdict.kind] += 1;
        const location = { block: recommendation.block.id, ...recommendation.block.location };
        if (verdict.kind === "carried" || verdict.kind === "uncertain") {
          credit += 1;
        } else if (verdict.kind === "weakened") {
          credit += 0.5;
          report({
            messageId: "weakened",
            data: { report: name, plan: verdict.match.statement.text, section: verdict.match.statement.section ?? "F", differences: verdict.differences.join("; ") },
            severity: "warning",
            section: null,
            document: "advice",
            excerpt: recommendation.text,
            location,
            suggestion: `Write the provision as the report recommends it: "${recommendation.text}" — or record why the plan provides less.`,
          });
        } else if (verdict.kind === "missing") {
          // Written into the child's views or an outcome but not as provision: a warning, since some plans put everyday strategies there.
          const mentioned = mentionedIn(recommendation, elsewhere, options);
          const nearest = mentioned
            ? ` Section ${mentioned.statement.section} mentions it ("${mentioned.statement.text}"), but not as provision someone must make.`
            : verdict.nearest
              ? ` The closest the plan comes is "${verdict.nearest.statement.text}" (Section ${verdict.nearest.statement.section ?? "F"}).`
              : "";
          report({
            messageId: "missing",
            data: { report: name, sections: sectionsLabel, nearest },
            ...(mentioned ? { severity: "warning" as const } : {}),
            section: null,
            document: "advice",
            excerpt: recommendation.text,
            location,
            suggestion: "Add this to the provision in Section F (or G/H), saying what, who, how often and for how long, or record why it was not included.",
          });
        }
      }
    }
    if (total === 0) return { notApplicable: "No recommendations were found in the advice reports given." };
    return {
      score: credit / total,
      note: `${total} recommendation(s) in ${inputs.advice.length} advice report(s): ${counts.carried} carried into the plan, ${counts.weakened} in a weaker form, ${counts.missing} missing${counts.uncertain > 0 ? `, ${counts.uncertain} perhaps carried in other words (not reported)` : ""}.`,
    };
  },
});

/** The statement of the plan's other sections that carries the recommendation, if one does. */
function mentionedIn(recommendation: Recommendation, elsewhere: PlanProvision, options: Options): PlanStatement | undefined {
  if (elsewhere.statements.length === 0) return undefined;
  const verdict = judgeRecommendation(recommendation, elsewhere, options);
  return verdict.kind === "carried" || verdict.kind === "weakened" ? verdict.match : undefined;
}

/** "The speech and language therapy report (salt-report.pdf)": what kind of report, from its opening lines, and its file. */
function reportName(fileName: string, opening: string): string {
  const type = adviceTypesIn(opening, DEFAULT_ADVICE_TYPES).find((id) => id !== "child" && id !== "parent");
  const kind: Record<string, string> = {
    psychological: "The educational psychologist's report",
    salt: "The speech and language therapy report",
    ot: "The occupational therapy report",
    physio: "The physiotherapy report",
    medical: "The medical report",
    educational: "The school's report",
    "social-care": "The social care report",
    sensory: "The sensory support report",
    camhs: "The CAMHS report",
  };
  return `${(type && kind[type]) ?? "The advice report"} (${fileName})`;
}
