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

/** The wait after slow mode refused a message. */
export function slowModeWait(seconds) {
  return `Slow mode: you can send again in ${seconds} s. Your message is still in the box.`;
}

/** What a timed mute or a go-round turn of this many minutes is called in the console's choices. */
export const MUTE_CHOICES = { '': 'until unmuted', 2: '2 minutes', 5: '5 minutes', 10: '10 minutes', 30: '30 minutes' };
export const TURN_CHOICES = { '': 'No time limit', 60: '1 minute', 120: '2 minutes', 180: '3 minutes', 300: '5 minutes' };

/** PHQ-9 answer values in words. */
export const PHQ9_ANSWERS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

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
    case 'readmit': return event.userId === me ? 'You were let back into the session' : `${name(event.userId)} was let back into the session`;
    case 'participation_ended': return `${who(event.userId)} ${event.userId === me ? 'no longer take' : 'no longer takes'} part in this group`;
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
    case 'session_scheduled': return event.cancelled ? `Session ${event.number} is cancelled`
      : `Session ${event.number} is now on ${new Date(event.scheduledAt).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}`;
    default: return null;
  }
}

/** The words of the course pages (admin, group set-up, dashboard, records, my work), by page. */
export const W = {
  common: {
    failed: 'That did not work just now. Please try again.',
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    previous: 'Previous',
    next: 'Next',
    none: 'Nothing to show',
    range: (from, to, total) => `${from}–${to} of ${total}`,
    reasonNeeded: 'Please give a reason.',
    loading: 'Loading…',
    signOut: 'Sign out',
    saved: 'Saved.',
    yes: 'Yes',
    no: 'No',
  },
  admin: {
    title: 'Administration',
    accounts: 'Accounts',
    search: 'Search accounts',
    searchArea: 'Account search',
    searchHint: 'Username, display name or e-mail',
    roleFilter: 'Role',
    anyRole: 'Any role',
    statusFilter: 'Status',
    anyStatus: 'Active and deactivated',
    find: 'Search',
    pageLabel: 'Pages of accounts',
    columns: ['Username', 'Display name', 'Role', 'E-mail', 'Status', 'Actions'],
    active: 'Active',
    inactive: 'Deactivated',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    reset: 'Reset password',
    deactivated: (name) => `${name} is deactivated: their sign-ins end now.`,
    reactivated: (name) => `${name} can sign in again.`,
    noAccounts: 'No account matches.',
    create: 'New account',
    username: 'Username',
    displayName: 'Display name',
    password: 'Password',
    passwordHint: 'At least 12 characters; not a common password.',
    role: 'Role',
    email: 'E-mail',
    emailHint: 'Optional; used for reminders and alerts.',
    createButton: 'Create account',
    created: (name) => `The account of ${name} is created.`,
    exists: 'That username is taken.',
    resetTitle: 'Password reset token',
    resetLead: (name, until) => `Give this token to ${name} in person or by phone. It works once, until ${until}, and is not shown again.`,
    groups: 'Groups',
    groupColumns: ['Name', 'Protocol', 'Facilitators', 'Session', 'Status'],
    groupPages: 'Pages of groups',
    noGroups: 'No groups yet.',
    session: (n, of) => (n ? `${n} of ${of}` : `Not started (${of} planned)`),
    link: 'Administration: accounts and groups',
  },
  roles: { member: 'Member', facilitator: 'Facilitator', admin: 'Administrator', supervisor: 'Supervisor' },
  status: { live: 'Live now', planned: 'Next session not started', ended: 'Last session ended' },
  setup: {
    newGroup: 'New group',
    title: 'New group',
    name: 'Name',
    protocol: 'Protocol',
    sessions: 'Number of sessions',
    sessionsHint: (min, max) => (min === max ? `This protocol has ${min} sessions.` : `From ${min} to ${max} sessions.`),
    first: 'First session',
    firstHint: 'Sessions follow weekly at the same time.',
    zone: 'Time zone',
    create: 'Create group',
    preview: 'The plan',
    previewEmpty: 'Choose a protocol and a number of sessions to see the plan.',
    phaseRun: (phase, from, to) => `${phase}: ${from === to ? `session ${from}` : `sessions ${from}–${to}`}`,
    session: (n) => `Session ${n}`,
    protocolsFailed: 'The protocols could not be loaded. Please try again.',
  },
  enrol: {
    title: 'Enrol members',
    find: 'Find a member',
    findHint: 'Type part of a name; choose with the arrow keys and Enter.',
    button: 'Enrol',
    choose: 'Choose a member from the suggestions first.',
    noMatch: 'No member account matches.',
    enrolled: (name) => `${name} is enrolled.`,
    roster: 'Enrolled',
    nobody: 'Nobody is enrolled yet.',
    suggestions: (n) => `${n} suggestion${n === 1 ? '' : 's'}`,
  },
};

W.course = {
  dashboard: 'Dashboard',
  phaseTitle: 'Phase',
  phaseNow: (actual, plan) => `The group is in the ${actual.toLowerCase()}; by the plan it is the ${plan.toLowerCase()}.`,
  behind: 'The plan has moved on: move the group when it is ready.',
  ahead: 'The group is ahead of the plan.',
  session: (n, of, status) => (n ? `Session ${n} of ${of} (${status})` : `No session held yet (${of} planned)`),
  moveMiddle: 'Move to middle phase',
  moveTermination: 'Move to termination phase',
  moved: (phase) => `The group is now in the ${phase.toLowerCase()}.`,
  refusedFocus: 'The middle phase starts once every member has a primary focus area. Not set yet for:',
  refused: 'The move was refused:',
  setFocusOf: (name) => `Set the focus area of ${name}`,
  override: 'Move anyway, with a reason…',
  overrideTitle: 'Move anyway',
  overrideLead: 'The reason is kept with the phase change and shown to facilitators only.',
  overrideLabel: 'Reason for moving now',
  overrideConfirm: 'Move the group',
  members: 'Members',
  columns: ['Member', 'Focus area', 'Attendance', 'PHQ-9', 'Goals', 'Homework', 'Open alerts'],
  attendance: (a) => (a && a.held ? `${a.attended} of ${a.held}` : 'No session held'),
  trend: (p) => (!p || !p.count ? 'None yet' : p.count === 1 || p.change === null || p.change === undefined
    ? `${p.last.total}` : `${p.first.total} → ${p.last.total} (${p.change > 0 ? '+' : ''}${p.change})`),
  goals: (list) => (!list || !list.length ? 'None set' : list.map((g) => (g.last ? `${g.last.rating}/10` : 'not rated')).join(', ')),
  homework: (h) => (h ? `${h.done} done, ${h.due} due, ${h.overdue} overdue, ${h.open} later` : '—'),
  alerts: (list) => (list && list.length ? `${list.length}: ${list.map((a) => ALERTS[a.kind] || a.kind).join('; ')}` : 'None'),
  noMembers: 'Nobody is enrolled yet: enrol members from the console.',
  openRecord: (name) => `Record of ${name}`,
  backToDashboard: 'Back to the dashboard',
  console: 'Console',
  notYours: 'This group is not one you facilitate.',
};

W.record = {
  chooseArea: 'choose a focus area',
  short: (session) => (session === 0 ? 'Pre' : `S${session}`),
  atSession: (n) => `session ${n}`,
  ratingPoint: (r) => `session ${r.session}: ${r.rating} of 10`,
  scorePoint: (m, severity) => `${m.session === 0 ? 'before the group' : `session ${m.session}`}: ${m.total} (${severity})`,
  chartTitle: (name, person) => `${name} of ${person}`,
  inventory: 'Interpersonal inventory',
  focus: 'Focus area and goals',
  area: 'Focus area',
  secondary: 'Second focus area',
  noneChosen: 'Not set',
  goal: (n) => `Goal ${n}`,
  saveFocus: 'Save focus and goals',
  focusSaved: 'Focus area and goals saved.',
  ratings: 'Goal ratings',
  notRated: 'Not rated yet.',
  cards: 'Report cards',
  noCards: 'No report card yet.',
  cardLine: (r) => `${r.label}: closeness ${r.initial ? r.initial.closeness : '?'} → ${r.ratings.length ? r.ratings[r.ratings.length - 1].closeness : '…'}, satisfaction ${r.initial ? r.initial.satisfaction : '?'} → ${r.ratings.length ? r.ratings[r.ratings.length - 1].satisfaction : '…'}`,
  questionnaires: 'Questionnaires',
  noneYet: (name) => `No ${name} answered yet.`,
  latest: (m, sev) => `Latest: ${m.total} — ${sev}`,
  homework: 'Homework',
  noHomework: 'No homework set yet.',
  homeworkText: 'New homework',
  dueSession: 'Due at session',
  assign: 'Assign homework',
  assigned: 'Homework assigned.',
  homeworkStatus: { due: 'Due next session', overdue: 'Overdue', open: 'Due later', done: 'Done' },
  meetings: 'Individual meetings',
  meetingKinds: { pre_group: 'Before the group', mid_course: 'Mid-course', post_group: 'After the group' },
  meetingWhen: 'When',
  schedule: 'Schedule',
  markHeld: 'Mark held',
  held: (at) => `Held${at ? ` (${at})` : ''}`,
  planned: 'Planned (default time)',
  scheduled: 'Scheduled',
  meetingSaved: 'Meeting saved.',
  review: 'Progress review',
  reviewClosed: 'The progress review opens when the group enters the ending phase.',
  reviewPhq: (p) => `PHQ-9: ${W.course.trend(p)}`,
  reviewAttendance: (a) => `Attendance: ${W.course.attendance(a)}`,
  reviewGoal: (g) => `${g.text}: ${g.first ? g.first.rating : '…'} → ${g.last ? g.last.rating : '…'}`,
  relapse: 'Relapse plan',
  relapseParts: { warningSigns: 'Warning signs', strategies: 'What I will do', supports: 'Who can support me' },
  saveRelapse: 'Save relapse plan',
  relapseSaved: 'Relapse plan saved.',
  relapseClosed: 'The relapse plan is written in the ending phase.',
  relapseEmpty: 'Please write at least one part of the plan.',
};

W.inventory = {
  title: 'My relationships',
  lead: 'The people who matter in your life now. You write this in the first sessions; later it is kept as it is.',
  readOnly: 'Your inventory is kept as written; your facilitator can update it with you.',
  add: 'Add relationship',
  remove: 'Remove',
  save: 'Save inventory',
  saved: 'Inventory saved.',
  empty: 'No relationship written yet.',
  person: (n) => `Relationship ${n}`,
  label: 'Name',
  kind: 'Kind',
  kindHint: 'For example partner, family, friend, colleague',
  closeness: 'Closeness',
  satisfaction: 'Satisfaction',
  scale: { 1: '1 (very low)', 2: '2', 3: '3', 4: '4', 5: '5 (very high)' },
  area: 'Focus area',
  works: 'What works',
  doesNotWork: "What doesn't",
  line: (r) => `${r.kind} · closeness ${r.closeness} of 5 · satisfaction ${r.satisfaction} of 5`,
};

W.mywork = {
  cards: 'Report card',
  cardLead: 'How is each relationship this week?',
  saveCard: 'Save report card',
  cardSaved: 'Report card saved.',
  cardDone: 'You have filled in this session’s report card.',
  cardNeedsInventory: 'The report card follows your inventory: write your relationships first.',
  review: 'My progress',
  export: 'My data',
  exportLead: 'A copy of everything Holdspace holds about you, as a JSON file.',
  download: 'Download my data',
  crisisLead: 'You told us about thoughts of ending your life or hurting yourself. Your facilitator sees your answers once you submit them and will reach out. If you are in danger now, please do not wait:',
  submit: 'Submit',
};

W.audit = {
  title: 'Audit log',
  columns: ['When', 'Who', 'Action', 'Group', 'Account'],
  pages: 'Pages of the audit log',
  page: (n) => `Page ${n}`,
  empty: 'Nothing recorded yet.',
};

/** The console's team section and the supervisor's read-only view. */
export const TEAM = {
  title: 'Team',
  facilitators: 'Facilitators',
  supervisors: 'Supervisors',
  noSupervisors: 'No supervisor for this group.',
  supervisorsByAdmin: 'Supervisors are added by an administrator.',
  you: '(you)',
  add: 'Add co-facilitator',
  find: 'Find',
  findLabel: 'Find a facilitator by name or username',
  noneFound: 'No facilitator account matches. Ask an administrator to create one.',
  addOne: 'Add',
  added: (name) => `${name} now co-facilitates this group.`,
  remove: 'Remove',
  confirmTitle: 'Remove this facilitator?',
  confirmText: (name) => `${name} will no longer see or run this group. Everything they did stays in the record.`,
  confirmYes: 'Remove from the team',
  cancel: 'Cancel',
  removed: (name) => `${name} no longer facilitates this group.`,
  last: 'A group keeps at least one facilitator: add another before removing this one.',
  failed: 'That did not work. Please try again.',
  readOnly: 'Read-only: supervisor',
  readOnlyHint: 'You see what the facilitators see and get the group\'s alerts. You cannot write, moderate or change records.',
  consoleAction: 'Open the console (read-only)',
  notLive: 'The session is not live.',
  left: 'You are no longer on this group\'s team. Go back to your groups.',
};

/** The plan's words: moving and cancelling sessions, and the calendar feed. */
export const SCHEDULE = {
  cancelled: 'Cancelled',
  movedFrom: (when) => `moved from ${when}`,
  move: 'Move',
  cancel: 'Cancel',
  restore: 'Restore',
  moveTitle: (n) => `Move session ${n}`,
  moveLabel: (zone) => `New date and time (${zone})`,
  moveHint: 'It must stay after the session before it and before the session after it.',
  moveConfirm: 'Move session',
  cancelTitle: (n) => `Cancel session ${n}?`,
  cancelText: (when) => `The meeting on ${when} will not take place. The session keeps its number and the group goes on with the next one; to hold it later instead, move it.`,
  cancelConfirm: 'Cancel session',
  keep: 'Keep it as it is',
  moved: (n) => `Session ${n} moved.`,
  cancelledNotice: (n) => `Session ${n} cancelled.`,
  restored: (n) => `Session ${n} restored.`,
  needTime: 'Choose a date and a time.',
  failed: 'That did not work. Please try again.',
  left: (left, total) => `${left} of ${total} sessions left`,
  liveLeft: (n, left) => `session ${n} is live, ${left} left after it`,
  calendarTitle: 'Add to calendar',
  calendarText: 'Your calendar app can follow your group sessions from a private address. It shows the group name and the times, nothing else. Keep the address to yourself.',
  calendarShow: 'Show my calendar address',
  calendarLabel: 'Calendar address',
  calendarCopy: 'Copy address',
  calendarCopied: 'The calendar address is copied.',
  calendarOpen: 'Open in my calendar app',
  calendarRotate: 'Make a new address',
  calendarRotateAsk: 'Make a new calendar address? Calendars that use the old one stop updating.',
  calendarRotated: 'A new calendar address is ready; the old one no longer works.',
  calendarFailed: 'The calendar address could not be loaded. Please try again.',
};

// The admin page's team management and the supervisor's read-only pages (js/admin-team.js, js/read-only.js).
export const SUPERVISION = {
  column: 'Team',
  open: 'Manage team',
  title: (name) => `Team of ${name}`,
  close: 'Close the team',
  facilitators: 'Facilitators',
  supervisors: 'Supervisors',
  noSupervisors: 'No supervisor for this group yet.',
  findSupervisor: 'Find a supervisor',
  findSupervisorHint: 'Type a name or username; only supervisor accounts are offered.',
  assign: 'Assign supervisor',
  assignTitle: 'Assign a supervisor',
  addTitle: 'Add a co-facilitator',
  assigned: (name) => `${name} now supervises this group.`,
  findFacilitator: 'Find a facilitator',
  findFacilitatorHint: 'Type a name or username; facilitator accounts not on the group are offered.',
  addFacilitator: 'Add co-facilitator',
  added: (name) => `${name} now co-facilitates this group.`,
  choose: 'choose an account from the suggestions',
  noMatch: 'No account matches.',
  suggestions: (n) => (n === 1 ? '1 suggestion' : `${n} suggestions`),
  remove: 'Remove',
  confirmTitle: 'Remove from the team?',
  confirmSupervisor: (name, group) => `${name} will no longer read or be alerted about ${group}. Their past reads stay in the audit log.`,
  confirmFacilitator: (name, group) => `${name} will no longer see or run ${group}. Everything they did stays in the record.`,
  confirmYes: 'Remove from the team',
  cancel: 'Cancel',
  removed: (name) => `${name} is no longer on this group's team.`,
  last: 'A group keeps at least one facilitator: add another before removing this one.',
  failed: 'That did not work. Please try again.',
  noSupervisedGroups: 'No group is assigned to you yet. An administrator assigns the groups you supervise.',
  readOnly: 'Read-only: supervisor',
  readOnlyHint: 'You see the course as its facilitators do. You cannot move phases, assign homework or change records.',
  focusNow: (area, secondary) => (secondary ? `${area}; also ${secondary}` : area),
  noFocus: 'No focus area chosen yet.',
  noRelapse: 'No relapse plan written yet.',
};

/** The course rules on the console and the course page: closed enrolment, ended participation, the next session. */
W.participation = {
  closedTitle: 'Enrolment has closed',
  closed: (name, after, protocol) => `${name} was not enrolled: enrolment closed once session ${after} started${protocol
    ? ` (${protocol} closes enrolment after session ${after}, so that the group can grow together)` : ''}.`,
  closedLead: 'You can still enrol them if there is a good reason. The reason is kept with the enrolment and shown to the group’s facilitators.',
  enrolAnyway: 'Enrol anyway, with a reason…',
  enrolTitle: (name) => `Enrol ${name} after enrolment closed`,
  enrolLead: 'Enrolment closed once the course began. Say why this member joins now; the reason is kept with the enrolment.',
  enrolLabel: 'Reason for enrolling after enrolment closed',
  enrolConfirm: 'Enrol',
  lateReason: (reason) => `Enrolled after enrolment closed: ${reason}`,
  end: 'End participation…',
  endTitle: (name) => `End the participation of ${name}?`,
  endLead: (name) => `${name} can no longer join the group’s sessions or write in it. Everything of theirs stays: their messages, questionnaires and records are kept.`,
  endLabel: 'Reason for ending their participation',
  endConfirm: 'End participation',
  endedNotice: (name) => `${name} no longer takes part in this group.`,
  endedOn: (date) => `Ended on ${date}`,
  endReason: (reason) => `Reason: ${reason}`,
  endedTitle: 'No longer taking part',
  endedColumn: 'Ended',
  next: (n, cancelled) => `Next: session ${n}${cancelled.length ? ` (${cancelled.length === 1 ? 'session' : 'sessions'} ${
    cancelled.length === 1 ? cancelled[0] : `${cancelled.slice(0, -1).join(', ')} and ${cancelled[cancelled.length - 1]}`} cancelled)` : ''}`,
  over: 'The course is over',
};
