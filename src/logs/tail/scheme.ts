/** The URI scheme of Live Tail documents. */
export const TAIL_SCHEME = 'ops-lens-tail';

export const CLOSED_TAIL_TEXT = 'This Live Tail was closed and its session ended. Start a new one with Ops Lens: Tail Log Group.\n';
