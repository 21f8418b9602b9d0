// Plain words for what the server sends in codes.

export const PHASES = { initial: 'Initial phase', middle: 'Middle phase', termination: 'Ending phase' };

export const FOCUS_AREAS = {
  grief: 'Grief',
  role_dispute: 'Role dispute',
  role_transition: 'Role transition',
  interpersonal_deficits: 'Interpersonal sensitivity',
};

export const SEVERITY = {
  minimal: 'Minimal', mild: 'Mild', moderate: 'Moderate', moderately_severe: 'Moderately severe', severe: 'Severe',
};

export const ACCOUNT = {
  notSignedOutEverywhere: 'You are still signed in elsewhere:',
  signInWith: (provider) => `Sign in with ${provider}`,
};

export const ERRORS = {
  muted: 'You are muted for now, so your message was not sent.',
  locked: 'The room is locked: only the facilitator and the person holding the floor can write.',
  not_live: 'The session is not live right now.',
  rate_limited: 'That was a lot at once. Please wait a few seconds.',
  too_large: 'That message is too long.',
  forbidden: 'That is not allowed here.',
  not_found: 'That could not be found.',
  bad_frame: 'The server did not understand that request.',
  unauthenticated: 'Your sign-in has expired.',
  unavailable: 'The server could not do that just now. Please try again.',
};

export function phaseName(phase) {
  return PHASES[phase] || phase || '';
}

export function focusName(area) {
  return FOCUS_AREAS[area] || area || 'Not set yet';
}

export function errorText(code, message) {
  if (code === 'bad_frame' && message) return `${ERRORS.bad_frame} (${message})`;
  return ERRORS[code] || message || 'Something went wrong.';
}

export const ALERTS = {
  risk_phrase: 'Possible risk in a message',
  phq9_item9: 'PHQ-9: thoughts of self-harm reported',
  report: 'A member reported a message',
  help_request: 'A member asked for help now',
  cssrs: 'C-SSRS screen: risk reported',
  deterioration: 'Scores are getting worse',
};

/** How an alert was resolved. */
export const OUTCOMES = {
  no_risk: 'No risk found',
  safety_plan: 'Went through the safety plan',
  referred: 'Referred for care',
  emergency: 'Emergency services involved',
  other: 'Other',
};

/**
 * A system event in plain words, or null for events that are not shown as a line (messages, typing).
 * `name(id)` answers a person's display name; `me` is the signed-in account's id.
 */
export function describe(event, name, me) {
  const who = (id) => (id === me ? 'You' : name(id));
  const by = event.from ? (event.from.id === me ? 'you' : event.from.displayName) : 'the facilitator';
  switch (event.kind) {
    case 'join': return `${who(event.userId)} joined`;
    case 'leave': return `${who(event.userId)} left`;
    case 'session_started': return `Session ${event.number} started (${phaseName(event.phase).toLowerCase()})`;
    case 'session_ended': return `Session ${event.number} ended`;
    case 'mute': return `${who(event.userId)} ${event.userId === me ? 'were' : 'was'} muted by ${by}` + (event.until ? ` until ${new Date(event.until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : '');
    case 'unmute': return event.expired ? `${who(event.userId)} can write again (the mute ended)` : `${who(event.userId)} ${event.userId === me ? 'were' : 'was'} unmuted`;
    case 'redact': return 'A message was removed by the facilitator';
    case 'lock': return 'The room is locked: only the facilitator and the person with the floor can write';
    case 'unlock': return 'The room is open again';
    case 'remove': return `${who(event.userId)} ${event.userId === me ? 'were' : 'was'} asked to leave this session`;
    case 'floor': return event.userId == null ? 'The floor is open' : `${who(event.userId)} ${event.userId === me ? 'have' : 'has'} the floor`;
    case 'hand_raised': return `${who(event.userId)} raised a hand`;
    case 'hand_lowered': return `${who(event.userId)} lowered a hand`;
    case 'slow_mode': return event.seconds ? `Slow mode: one message every ${event.seconds} seconds` : 'Slow mode is off';
    case 'round_started': return `Go-round started: “${event.prompt}”`;
    case 'round_turn': return `${event.userId === me ? 'Your' : name(event.userId) + '’s'} turn in the go-round`;
    case 'round_passed': return `${who(event.userId)} passed`;
    case 'round_ended': return 'The go-round ended';
    case 'phase_changed': return `The group moved to the ${phaseName(event.phase).toLowerCase()}`;
    case 'summary_published': return `The summary of session ${event.number} is published (reload to read it)`;
    default: return null;
  }
}
