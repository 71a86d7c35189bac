// The professionals who advised on Amara Okafor (the child of samples pair-1-*): one source for the advice reports'
// author blocks and for Section K of her plans, so the plan lists each report exactly as the report names itself.

export interface Adviser {
  name: string;
  role: string;
  organisation: string;
  /** The report's date as the documents write it. */
  date: string;
}

export const AMARA_ADVISERS = {
  psychology: {
    name: "Dr Helen Marsh",
    role: "Educational Psychologist",
    organisation: "Castlebrook Educational Psychology Service",
    date: "13 March 2026",
  },
  speechAndLanguage: {
    name: "Priya Raman",
    role: "Specialist Speech and Language Therapist",
    organisation: "Castlebrook Children's Therapy Service",
    date: "19 March 2026",
  },
  occupationalTherapy: {
    name: "Tom Whitfield",
    role: "Children's Occupational Therapist",
    organisation: "Castlebrook Children's Therapy Service",
    date: "31 March 2026",
  },
} satisfies Record<string, Adviser>;

export const AMARA = {
  name: "Amara Okafor",
  dateOfBirth: "14 March 2017",
  school: "Larkhill Vale Primary School",
} as const;
