// Small fictional EHC plans as real Word files, one per invented child, for the queue tests: distinct bytes for
// every child (so no two share a plan key), and a paragraph of copied-in boilerplate in some of them, the way a
// template paragraph travels from plan to plan.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from "docx";

const FIRST = ["Wren", "Odell", "Petra", "Caspian", "Marisol", "Tobiah", "Ines", "Fergal", "Lumi", "Radek", "Saoirse", "Bastian", "Nell", "Ezio", "Tamsin", "Joachim", "Ysolde", "Kit"];
const LAST = ["Ashdown", "Brightwater", "Cullimore", "Dovecote", "Eversleigh", "Fennimore", "Garside", "Holloway", "Ilsley", "Jessop", "Kettering", "Lomax", "Marchbank", "Northcott", "Oakes", "Pennington", "Quaile", "Rudd"];
const INTERESTS = ["keeping stick insects", "drumming", "building dens", "swimming lengths", "baking bread", "drawing maps", "climbing frames", "bird watching", "card tricks"];
const NEEDS = [
  "has a language disorder: he understands short instructions but loses the thread of longer ones",
  "has dyslexia and reads two years below his age",
  "is autistic and finds changes to routine very hard",
  "has a hearing impairment and wears two hearing aids",
  "has developmental coordination disorder and tires quickly when writing",
];

/** Copied from plan to plan: the same words for different children, only the name changed. */
export const sharedParagraph = (first: string): string =>
  `All staff working with ${first} will read this plan at the start of each term and will meet the special educational needs coordinator to agree how the strategies in it are used in every lesson across the school day.`;

export interface GeneratedChild {
  id: string;
  name: string;
}

export function children(count: number): GeneratedChild[] {
  return Array.from({ length: count }, (_, i) => ({ id: `child-${String(i + 1).padStart(2, "0")}`, name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}` }));
}

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
const row = (a: string, b: string) => new TableRow({ children: [cell(a), cell(b)] });
const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });

export async function planDocx(child: GeneratedChild, index: number, options: { shared?: boolean } = {}): Promise<Buffer> {
  const first = child.name.split(" ")[0]!;
  const need = NEEDS[index % NEEDS.length]!;
  const interest = INTERESTS[index % INTERESTS.length]!;
  const minutes = 20 + (index % 4) * 5;
  const sections: [string, string, string[]][] = [
    ["A", "Views, interests and aspirations", [`${first} is ${7 + (index % 8)} and enjoys ${interest}.`, `"Tell me before things change, then I am fine," ${first} said when we met at home.`]],
    ["B", "Special educational needs", [`${first} ${need}.`, ...(options.shared ? [sharedParagraph(first)] : [])]],
    ["C", "Health needs related to SEN", [`${first} has no health needs related to special educational needs.`]],
    ["D", "Social care needs", [`${first} has no social care needs.`]],
    ["E", "Outcomes", [`By July 2027 ${first} will follow a three-step instruction in class without adult prompting on four days out of five.`]],
    ["F", "Special educational provision", [`A specialist teacher will teach ${first} a structured language programme for ${minutes} minutes, three times a week, in a group of no more than four pupils.`]],
    ["G", "Health provision", ["No health provision is required."]],
    ["H1", "Social care provision under section 2 of the CSDPA 1970", ["None."]],
    ["H2", "Other social care provision", ["None."]],
    ["I", "Placement", [`Year ${2 + (index % 6)} at a mainstream primary school.`]],
    ["J", "Personal budget", ["No personal budget has been requested."]],
    ["K", "Advice and information", [`Educational psychology advice, Dr Imre Voss, ${1 + (index % 27)} February 2026.`]],
  ];
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Education, Health and Care Plan", heading: HeadingLevel.TITLE }),
          new Table({ rows: [row("Name of child", child.name), row("Date of birth", `${1 + (index % 27)} May 20${15 + (index % 5)}`), row("Status", "Final"), row("Date of next review", "1 March 2027")] }),
          ...sections.flatMap(([id, title, paragraphs]) => [heading(`Section ${id}: ${title}`), ...paragraphs.map((text) => new Paragraph(text))]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
