/**
 * A strict reader of iCalendar text (RFC 5545) for tests: content lines must end in CRLF, folded lines
 * are unfolded, every BEGIN has its END, and every property is split into name, parameters and value.
 * (No iCalendar parser is among the project's dependencies; this one is small and refuses what real
 * calendar programs would choke on.)
 */
export interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface Component {
  type: string;
  properties: Property[];
  components: Component[];
  /** The first property called `name`, if any. */
  get(name: string): Property | undefined;
}

function component(type: string): Component {
  const properties: Property[] = [];
  return {
    type,
    properties,
    components: [],
    get: (name) => properties.find((property) => property.name === name),
  };
}

function parseLine(line: string): Property {
  // Split at the first colon that is not inside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '"') quoted = !quoted;
    else if (line[index] === ":" && !quoted) {
      colon = index;
      break;
    }
  }
  if (colon < 0) throw new Error(`Not an iCalendar content line: ${line}`);
  const [name, ...rawParams] = line.slice(0, colon).match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const params: Record<string, string> = {};
  for (const param of rawParams) {
    const equals = param.indexOf("=");
    if (equals < 0) throw new Error(`Bad parameter ${param} in: ${line}`);
    params[param.slice(0, equals).toUpperCase()] = param.slice(equals + 1).replace(/^"(.*)"$/, "$1");
  }
  if (!name || !/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`Bad property name in: ${line}`);
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

/** Parses one VCALENDAR; throws on anything malformed. */
export function parseIcs(text: string): Component {
  if (!text.endsWith("\r\n")) throw new Error("iCalendar text must end with CRLF");
  if (/[^\r]\n/.test(text)) throw new Error("iCalendar lines must end with CRLF, not a bare LF");
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1);
  const stack: Component[] = [];
  let root: Component | undefined;
  for (const line of lines) {
    const property = parseLine(line);
    if (property.name === "BEGIN") {
      const child = component(property.value);
      if (stack.length) stack[stack.length - 1]!.components.push(child);
      else if (root) throw new Error("More than one top-level component");
      else root = child;
      stack.push(child);
    } else if (property.name === "END") {
      const open = stack.pop();
      if (open?.type !== property.value) throw new Error(`END:${property.value} does not close ${open?.type}`);
    } else {
      if (!stack.length) throw new Error(`Property outside any component: ${line}`);
      stack[stack.length - 1]!.properties.push(property);
    }
  }
  if (stack.length || root?.type !== "VCALENDAR") throw new Error("Not one complete VCALENDAR");
  return root;
}

/** The calendar's one VEVENT, with the few things every test checks. */
export function theEvent(calendar: Component) {
  const events = calendar.components.filter((child) => child.type === "VEVENT");
  if (events.length !== 1) throw new Error(`Expected one VEVENT, found ${events.length}`);
  const event = events[0]!;
  const text = (name: string) =>
    event
      .get(name)
      ?.value.replace(/\\n/gi, "\n")
      .replace(/\\([,;\\])/g, "$1");
  return {
    method: calendar.get("METHOD")?.value,
    uid: event.get("UID")?.value,
    sequence: Number(event.get("SEQUENCE")?.value),
    status: event.get("STATUS")?.value,
    start: event.get("DTSTART"),
    end: event.get("DTEND"),
    summary: text("SUMMARY"),
    description: text("DESCRIPTION"),
    location: text("LOCATION"),
    attendee: event.get("ATTENDEE"),
    organizer: event.get("ORGANIZER"),
    timezones: calendar.components.filter((child) => child.type === "VTIMEZONE").map((zone) => zone.get("TZID")?.value),
  };
}
