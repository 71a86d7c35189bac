import childVoice from "../../src/rules/builtin/child-voice.ts";
import { planBuilder } from "../../src/testing/document-builder.ts";
import { ruleTester } from "../../src/testing/rule-tester.ts";

const sam = { childName: "Sam Taylor" };
const sectionA = (...paragraphs: string[]) => {
  const builder = planBuilder(sam).section("A");
  for (const text of paragraphs) builder.paragraph(text);
  return builder.section("B").paragraph("Sam has difficulties with reading.").build();
};

ruleTester(childVoice).run({
  valid: [
    {
      name: "a good first-person Section A, with the parents' views under their own heading",
      doc: planBuilder(sam)
        .section("A")
        .heading("My views")
        .paragraph("Sam wrote this with his teaching assistant, Mrs Khan.")
        .paragraph("I like trains and playing football at break. I find it hard when the classroom is noisy. When I grow up I want to be a train driver.")
        .heading("Parents' views")
        .paragraph("We would like Sam to make friends and feel happy at school.")
        .build(),
      note: 'for example "I like trains and playing football at break."',
    },
    {
      name: "a non-verbal child whose views were gathered through PECS and observation by named staff",
      doc: planBuilder({ childName: "Ava Jones" })
        .section("A")
        .paragraph("Ava does not use speech. Her views were gathered by her teaching assistant, Miss Hughes, using PECS and through observation over two weeks.")
        .paragraph("Using PECS, Ava chose pictures of the trampoline, music and the sensory room as her favourite activities. She becomes upset when the hand dryers are used.")
        .build(),
      note: "gathered (PECS",
    },
    {
      name: "a direct quote attributed to the child",
      doc: sectionA('Sam told his teacher: "I love drawing dragons and I hate it when people shout."', "Sam enjoys art and is proud of his sketchbook."),
      note: "quoted",
    },
    {
      name: "the child's words reported, not quoted",
      doc: sectionA("When I visited school, Sam told me that he likes science because he can do experiments.", "He said that he worries about going to secondary school."),
      note: "reported as said by them",
    },
    {
      name: "first person in a table labelled as the child's views",
      doc: planBuilder(sam)
        .section("A")
        .table([], [["My views (in my own words)", "I am good at maths. I do not like assembly because it is loud."], ["What my family say", "Sam is kind and funny."]])
        .build(),
    },
    {
      name: "Section A is out of scope when the rule set points the rule elsewhere",
      doc: planBuilder(sam).section("A").paragraph("Sam likes Lego.").section("K").paragraph("I like trains, my mum told me about them. These are my words.").build(),
      scope: ["K"],
    },
  ],
  invalid: [
    {
      name: "third person only",
      doc: sectionA("Sam is a friendly boy who enjoys Lego.", "He finds reading difficult and likes football.", "He has two older sisters. He lives with his mum and dad."),
      findings: [
        { messageId: "thirdPersonOnly", severity: "error", section: "A", excerpt: "Sam is a friendly boy who enjoys Lego.", message: "third person only (4 lines)" },
        { messageId: "alsoReplaced", severity: "info", excerpt: "He finds reading difficult" },
        { messageId: "alsoReplaced", severity: "info", excerpt: "He has two older sisters." },
      ],
      status: "fail",
    },
    {
      name: "parents' views only",
      doc: sectionA("Mum says Sam is a happy boy at home but anxious at school.", "We would like him to have more friends.", "Our views are that he needs a smaller class."),
      findings: [
        { messageId: "parentsOnly", excerpt: "Mum says Sam is a happy boy", message: "never Sam's own (3 lines in the parents' words" },
        { messageId: "alsoReplaced", excerpt: "We would like him to have more friends." },
        { messageId: "alsoReplaced", excerpt: "Our views are" },
      ],
      status: "fail",
    },
    {
      name: "parents writing in the first person under a parents' heading",
      doc: planBuilder(sam).section("A").heading("Parents' views").paragraph("I am worried that Sam is falling behind. I want him to be happy.").build(),
      findings: [{ messageId: "parentsOnly", excerpt: "I am worried that Sam is falling behind." }, { messageId: "alsoReplaced", excerpt: "I want him to be happy." }],
      options: { maxQuotedLines: 2 },
    },
    {
      name: "the child was not consulted",
      doc: sectionA("Sam was not consulted for this plan as he was unwell.", "He enjoys football and computer games."),
      findings: [{ messageId: "notConsulted", excerpt: "Sam was not consulted for this plan", message: "not consulted" }],
      status: "fail",
    },
    {
      name: "messages use the child's own pronouns when the plan shows them ('his views', not 'their views')",
      doc: sectionA("Sam was not consulted for this plan as he was unwell.", "Sam enjoys football and his favourite team is Everton."),
      findings: [
        {
          messageId: "notConsulted",
          message: "does not say how his views were gathered another way",
          suggestion: "Record Sam's own views in Section A: his words in the first person",
        },
      ],
    },
    {
      name: "'their' when the plan does not show the child's pronouns",
      doc: sectionA("Sam was not consulted for this plan."),
      findings: [{ messageId: "notConsulted", message: "how their views were gathered", suggestion: "say how their views were gathered" }],
    },
    {
      name: "the child was 'not available to contribute'",
      doc: sectionA("Kai's mum says that he enjoys football.", "Kai was not available to contribute his views to this plan."),
      findings: [{ messageId: "notConsulted", excerpt: "Kai was not available to contribute his views" }],
    },
    {
      name: "first-person text beside a statement that the child was not seen",
      doc: sectionA("Sam has not been seen by the caseworker.", "I like football."),
      findings: [{ messageId: "notConsulted", excerpt: "Sam has not been seen" }],
    },
    {
      name: "professionals' views only",
      doc: sectionA("The EP observed that Sam works best with adult support.", "School reports that he is settled in class."),
      findings: [{ messageId: "professionalsOnly", excerpt: "The EP observed" }, { messageId: "alsoReplaced", excerpt: "School reports" }],
    },
    {
      name: "boilerplate instead of views",
      doc: sectionA("Sam's views are reflected throughout this plan."),
      findings: [{ messageId: "boilerplate", excerpt: "views are reflected throughout" }],
    },
    {
      name: "a method named but nothing learned",
      doc: sectionA("Sam's views were gathered using a Talking Mats session with his key worker."),
      findings: [{ messageId: "methodWithoutLearning", message: "(Talking Mats)" }],
    },
    {
      name: "a quote from mum is not the child's voice",
      doc: sectionA('Mum said: "He is a lovely boy but he struggles at school."'),
      findings: [{ messageId: "parentsOnly" }],
    },
    {
      name: "observation by no one in particular is not a way of gathering views",
      doc: sectionA("Sam was observed in the playground.", "He likes the climbing frame."),
      findings: [{ messageId: "professionalsOnly" }, { messageId: "alsoReplaced" }],
    },
    {
      name: "first person with nothing saying whose words they are",
      doc: sectionA("I like trains. I find maths hard."),
      findings: [{ messageId: "unmarkedFirstPerson", severity: "warning", excerpt: "I like trains." }],
      status: "warning",
    },
    {
      name: "short first-person lines without full stops are still the child's words, not sub-headings",
      doc: sectionA("My favourite things", "I like trains", "I'm scared of dogs"),
      findings: [{ messageId: "unmarkedFirstPerson", severity: "warning", excerpt: "I like trains" }],
      status: "warning",
    },
    {
      name: "no Section A",
      doc: planBuilder(sam).section("B").paragraph("Sam has difficulties with reading.").build(),
      findings: [{ messageId: "noSection", excerpt: "", section: "A" }],
    },
    {
      name: "an empty Section A",
      doc: planBuilder(sam).section("A").section("B").paragraph("Sam has difficulties with reading.").build(),
      findings: [{ messageId: "empty", section: "A" }],
    },
  ],
});

// Who is speaking: every quote and first-person passage belongs to the child, a parent or carer, a professional, or
// another named adult, from the clause that reports it, the sub-heading above it, or the speaker just before it.
const mia = { childName: "Mia Okafor" };
const partA = (build: (builder: ReturnType<typeof planBuilder>) => ReturnType<typeof planBuilder>) =>
  build(planBuilder(mia).section("A")).section("B").paragraph("Mia has difficulties with spelling.").build();

ruleTester(childVoice).run({
  valid: [
    {
      name: "the child quoted under a heading that names her as the speaker, her mother quoted under her own",
      doc: partA((b) =>
        b
          .heading("What Mia told us")
          .list(["“I like painting with big brushes and I hate the noisy dinner hall.”", "“When I am older I want to look after horses.”"])
          .heading("What Mia's parents told us")
          .paragraph("Her mother, Mrs Grace Okafor, said: “I worry that she is tired by Wednesday.”"),
      ),
      note: "quoted",
    },
    {
      name: "a non-verbal child whose views a named practitioner gathered with Talking Mats and eye gaze",
      doc: partA((b) =>
        b
          .paragraph("Mia does not use speech. Her key worker, Mr Dev Anand, gathered her views over three sessions using Talking Mats and her eye gaze board.")
          .paragraph("Using the mat, Mia chose the sensory room and the swing as her favourite places, and she becomes upset when the bell rings."),
      ),
      note: "gathered (Talking Mats",
    },
    {
      name: "'In her words:' before the child's quote",
      doc: partA((b) => b.paragraph("Mia talked with her class teacher about school. In her words: “Reading is hard but I am good at drawing.”")),
      note: "quoted",
    },
    {
      name: "views found outside the sections when the plan's 'about me' part was not recognised as Section A",
      doc: planBuilder(mia)
        .outsideSections()
        .paragraph("1. All about Mia")
        .paragraph("What Mia says")
        .list(["“I like my dog and playing netball with my friends.”"])
        .section("B")
        .paragraph("Mia has difficulties with spelling.")
        .build(),
      note: "quoted",
    },
  ],
  invalid: [
    {
      name: "a mother quoted with her name between role and verb ('I worry that ...') is the parent's voice, not the child's",
      doc: partA((b) =>
        b
          .paragraph("Mia's mum, Mrs Grace Okafor, said: “I worry that she has no friends at school. I would love her to be invited to a party.”")
          .paragraph("Mia is a cheerful girl who likes netball."),
      ),
      findings: [{ messageId: "parentsOnly", excerpt: "said: “I worry that she has no friends" }, { messageId: "alsoReplaced" }, { messageId: "alsoReplaced" }],
      status: "fail",
    },
    {
      name: "parents named without a role ('X and Y Surname said'), and 'They added:' carrying on their words",
      doc: partA((b) =>
        b
          .paragraph("Grace and Tunde Okafor said: “We want her to be happy and I hope she makes one good friend.”")
          .paragraph("They added: “My biggest worry is the move to secondary school.”"),
      ),
      findings: [{ messageId: "parentsOnly", excerpt: "Grace and Tunde Okafor said" }, { messageId: "alsoReplaced", excerpt: "They added" }],
    },
    {
      name: "a teacher's report and a grandparent's words: only adults speak",
      doc: partA((b) =>
        b
          .paragraph("Her teacher reports that Mia works hard in small groups.")
          .paragraph("Mia's grandmother said: “I think she needs more help with reading than she gets.”"),
      ),
      findings: [{ messageId: "othersOnly" }, { messageId: "alsoReplaced" }],
    },
    {
      name: "first-person sub-headings over a section written wholly about the child in the third person",
      doc: partA((b) =>
        b
          .paragraph("What I am good at")
          .paragraph("Mia is good at netball and is kind to younger children.")
          .paragraph("What is hard for me")
          .paragraph("She finds spelling hard and becomes anxious before tests."),
      ),
      findings: [{ messageId: "thirdPersonOnly", excerpt: "Mia is good at netball" }, { messageId: "alsoReplaced", excerpt: "She finds spelling hard" }],
      status: "fail",
    },
    {
      name: "not consulted, with the mother's first-person words under a family heading",
      doc: partA((b) =>
        b
          .heading("My views")
          .paragraph("Mia was not consulted for this plan.")
          .heading("What my family say")
          .paragraph("I want Mia to be safe at school and I worry about her at lunchtimes."),
      ),
      findings: [{ messageId: "notConsulted", excerpt: "Mia was not consulted" }],
      status: "fail",
    },
  ],
});
