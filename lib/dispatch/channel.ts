// The NOTIFY channel that wakes the worker's dispatch loop: a campaign launched, a transactional message accepted.
export const DISPATCH_CHANNEL = "parley_dispatch";
