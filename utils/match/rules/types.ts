// The shape of an alignment rule: a named check on two figures' frames that vetoes a link or adds evidence for it.
import type { Figure } from '../../analysis/types';
import type { QuantityFrame } from '../../frames/quantity-frame';

/** One side of a comparison: the figure, its frame, and what its report is about. */
export interface FrameSide {
  figure: Figure;
  frame: QuantityFrame;
  published: string | null;
  storyEntities: ReadonlySet<string>;
}

/** What a rule says about a pair. A veto ends the comparison; evidence adds up; a reason is shown to the reader. */
export interface RuleVerdict {
  veto?: string;
  evidence?: number;
  reason?: string;
}

/** A sentence with the figure it is about, for a rule's examples. */
export interface ExampleSide {
  sentence: string;
  figure: string;
  /** Publication date (ISO); defaults to 2022-03-10. */
  published?: string;
}

/**
 * A named rule. `examples` are run by the rule registry's test: each pair must give the expected outcome when the
 * rule is applied to the frames the extractor builds for the two sentences.
 */
export interface AlignmentRule {
  name: string;
  /** One line: what the rule checks and why. */
  description: string;
  examples: { a: ExampleSide; b: ExampleSide; expect: 'veto' | 'evidence' | 'silent' }[];
  apply(a: FrameSide, b: FrameSide): RuleVerdict | null;
}
