export const EXAM_TYPES = ['security', 'network', 'a1101', 'a1102'] as const;
export type ExamType = (typeof EXAM_TYPES)[number];

export const EXAM_TYPE_NAMES: Record<ExamType, string> = {
  security: 'CompTIA Security+',
  network: 'CompTIA Network+',
  a1101: 'CompTIA A+ Core 1',
  a1102: 'CompTIA A+ Core 2',
};

export const ANSWER_LETTERS = ['A', 'B', 'C', 'D'] as const;
export type AnswerLetter = (typeof ANSWER_LETTERS)[number];
