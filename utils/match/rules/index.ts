// The alignment rules, in the order they run; `alignFrames` folds over them and collects vetoes, evidence and reasons.
import { basisRule } from './basis';
import { conceptRule } from './concept';
import { holderRule } from './holder';
import { periodRule } from './period';
import { roleRule } from './role';
import { statusRule } from './status';
import { tradingDayRule } from './trading-day';
import type { AlignmentRule, FrameSide } from './types';

export type { AlignmentRule, FrameSide } from './types';

/** Every alignment rule. Add a rule by writing one file beside these and listing it here. */
export const ALIGNMENT_RULES: readonly AlignmentRule[] = [statusRule, roleRule, periodRule, basisRule, tradingDayRule, holderRule, conceptRule];

/** The fold of the rules over a pair: the first veto (with the rule's name), else the evidence and reasons. */
export interface FrameAlignment {
  veto: { rule: string; why: string } | null;
  evidence: number;
  reasons: string[];
  /** Names of the rules that found evidence. */
  supported: string[];
}

export function alignFrames(a: FrameSide, b: FrameSide, rules: readonly AlignmentRule[] = ALIGNMENT_RULES): FrameAlignment {
  const out: FrameAlignment = { veto: null, evidence: 0, reasons: [], supported: [] };
  for (const rule of rules) {
    const v = rule.apply(a, b);
    if (!v) continue;
    if (v.veto) return { ...out, veto: { rule: rule.name, why: v.veto } };
    if (v.evidence) {
      out.evidence += v.evidence;
      out.supported.push(rule.name);
    }
    if (v.reason) out.reasons.push(v.reason);
  }
  return out;
}
