import { describe, expect, it } from "vitest";
import { entryScreen, flowProblems, FLOW_LIMITS, questionsOf, type FlowJson } from "./flow-json";
import { flowJsonOf, formOf, formPlace, newField, newScreenId } from "./form";
import { FLOW_STARTER_IDS, FORM_STARTER_IDS } from "./starter-ids";
import { flowStarter, starterJson } from "./starters";

const keys = (json: unknown) => flowProblems(json).map((p) => p.message.split("|")[0]);
const atPath = (json: unknown) => flowProblems(json).map((p) => p.path.join("."));

function oneScreen(children: unknown[], extra: object = {}): FlowJson {
  return {
    version: "7.3",
    screens: [
      {
        id: "ONLY",
        title: "Only",
        terminal: true,
        success: true,
        layout: {
          type: "SingleColumnLayout",
          children: [
            ...(children as never[]),
            { type: "Footer", label: "Send", "on-click-action": { name: "complete", payload: {} } },
          ],
        },
        ...extra,
      },
    ],
  };
}

describe("flowProblems", () => {
  it("accepts every starter as Meta would publish it", () => {
    for (const id of FLOW_STARTER_IDS) expect(flowProblems(starterJson(id)), id).toEqual([]);
  });

  it("refuses what is not a flow, naming where", () => {
    expect(keys(null)).toEqual(["flows.problems.notObject"]);
    expect(keys({ version: "7.3", screens: [] })).toEqual(["flows.problems.noScreens"]);
    expect(keys({ ...oneScreen([]), version: "4.0" })).toEqual(["flows.problems.version"]);
  });

  it("holds labels to each component's limit, at the limit and one past it", () => {
    const input = (label: string) => ({ type: "TextInput", name: "a", label });
    expect(flowProblems(oneScreen([input("x".repeat(FLOW_LIMITS.label.TextInput))]))).toEqual([]);
    const over = flowProblems(oneScreen([input("x".repeat(FLOW_LIMITS.label.TextInput + 1))]));
    expect(over.map((p) => p.path.join("."))).toEqual(["screens.0.layout.children.0.label"]);
    expect(over[0]!.message).toBe('flows.problems.tooLong|{"limit":20,"length":21}');
    // A radio group's label may be longer than a text input's.
    const radio = (label: string) => ({
      type: "RadioButtonsGroup",
      name: "r",
      label,
      "data-source": [{ id: "a", title: "A" }],
    });
    expect(flowProblems(oneScreen([radio("x".repeat(30))]))).toEqual([]);
    expect(keys(oneScreen([radio("x".repeat(31))]))).toEqual(["flows.problems.tooLong"]);
    const optIn = (label: string) => ({ type: "OptIn", name: "o", label });
    expect(flowProblems(oneScreen([optIn("x".repeat(120))]))).toEqual([]);
    expect(keys(oneScreen([optIn("x".repeat(121))]))).toEqual(["flows.problems.tooLong"]);
  });

  it("counts options, components and opt-ins per screen", () => {
    const options = (n: number, type = "RadioButtonsGroup") => ({
      type,
      name: "r",
      label: "Pick",
      "data-source": Array.from({ length: n }, (_, i) => ({ id: `o${i}`, title: `O ${i}` })),
    });
    expect(flowProblems(oneScreen([options(20)]))).toEqual([]);
    expect(keys(oneScreen([options(21)]))).toEqual(["flows.problems.options"]);
    expect(keys(oneScreen([options(0)]))).toEqual(["flows.problems.options"]);
    expect(flowProblems(oneScreen([options(200, "Dropdown")]))).toEqual([]);
    expect(keys(oneScreen([options(201, "Dropdown")]))).toEqual(["flows.problems.options"]);
    const texts = (n: number) => Array.from({ length: n }, () => ({ type: "TextBody", text: "Hi" }));
    expect(flowProblems(oneScreen(texts(49)))).toEqual([]); // + the footer = 50
    expect(keys(oneScreen(texts(50)))).toEqual(["flows.problems.tooManyComponents"]);
    const optIns = (n: number) => Array.from({ length: n }, (_, i) => ({ type: "OptIn", name: `o${i}`, label: "Yes" }));
    expect(flowProblems(oneScreen(optIns(5)))).toEqual([]);
    expect(keys(oneScreen(optIns(6)))).toEqual(["flows.problems.optIns"]);
  });

  it("refuses Meta's screen id and name rules, and duplicates across screens", () => {
    expect(keys({ ...oneScreen([]), screens: [{ ...oneScreen([]).screens[0]!, id: "STEP_1" }] })).toEqual([
      "flows.problems.screenId",
    ]);
    expect(keys({ ...oneScreen([]), screens: [{ ...oneScreen([]).screens[0]!, id: "SUCCESS" }] })).toContain(
      "flows.problems.screenReserved",
    );
    expect(keys(oneScreen([{ type: "TextInput", name: "First name", label: "Name" }]))).toEqual([
      "flows.problems.fieldName",
    ]);
    const twice = { type: "TextInput", name: "email", label: "Email" };
    expect(atPath(oneScreen([twice, twice]))).toEqual(["screens.0.layout.children.1.name"]);
  });

  it("checks buttons: one per screen, terminal screens finish, targets exist", () => {
    const footer = { type: "Footer", label: "Go", "on-click-action": { name: "complete", payload: {} } };
    expect(keys(oneScreen([footer]))).toEqual(["flows.problems.footers"]);
    const navigating = oneScreen([]);
    navigating.screens[0]!.layout.children[0]!["on-click-action"] = {
      name: "navigate",
      next: { type: "screen", name: "NOWHERE" },
    };
    expect(keys(navigating)).toEqual(
      expect.arrayContaining(["flows.problems.terminalNavigate", "flows.problems.unknownScreen"]),
    );
    const unfinished = oneScreen([], { terminal: false });
    expect(keys(unfinished)).toEqual(["flows.problems.completeNotTerminal", "flows.problems.noTerminal"]);
  });

  it("checks dates and text", () => {
    const picker = (min: string, max: string) => ({
      type: "DatePicker",
      name: "d",
      label: "Day",
      "min-date": min,
      "max-date": max,
    });
    expect(flowProblems(oneScreen([picker("2026-12-01", "2026-12-31")]))).toEqual([]);
    expect(keys(oneScreen([picker("01/12/2026", "2026-12-31")]))).toEqual(["flows.problems.date"]);
    expect(keys(oneScreen([picker("2026-12-31", "2026-12-01")]))).toEqual(["flows.problems.dateRange"]);
    expect(keys(oneScreen([{ type: "TextHeading", text: "  " }]))).toEqual(["flows.problems.blank"]);
    expect(keys(oneScreen([{ type: "Carousel" }]))).toEqual(["flows.problems.unknownComponent"]);
  });
});

describe("the form model", () => {
  it("writes each starter as Flow JSON and reads the same form back", () => {
    for (const id of FORM_STARTER_IDS) {
      const { form } = flowStarter(id);
      expect(formOf(flowJsonOf(form)), id).toEqual(form);
    }
  });

  it("finishes on the last screen with every answer, earlier screens' by global reference", () => {
    const json = starterJson("feedback");
    const last = json.screens[1]!.layout.children.at(-1)!;
    expect(last["on-click-action"]).toEqual({
      name: "complete",
      payload: {
        satisfaction: "${screen.EXPERIENCE.form.satisfaction}",
        liked: "${screen.EXPERIENCE.form.liked}",
        comments: "${form.comments}",
        contact_me: "${form.contact_me}",
      },
    });
    expect(json.screens[0]!.layout.children.at(-1)!["on-click-action"]).toMatchObject({
      name: "navigate",
      next: { type: "screen", name: "DETAILS" },
    });
    expect(entryScreen(json)).toBe("EXPERIENCE");
  });

  it("reads JSON it cannot hold as null, for the JSON editor", () => {
    expect(formOf(oneScreen([{ type: "TextInput", name: "pin", label: "PIN", "input-type": "passcode" }]))).toBeNull();
    expect(formOf(oneScreen([{ type: "Image", src: "x" }]))).toBeNull();
    expect(formOf({ version: "7.3", screens: [] })).toBeNull();
  });

  it("keeps JSON the form would lose out of the form editor, and takes JSON it only adds defaults to", () => {
    const email = { type: "TextInput", name: "email", label: "Email", "input-type": "email" };
    expect(formOf(oneScreen([email]))?.screens[0]!.fields).toEqual([
      { kind: "email", name: "email", label: "Email", required: false, options: [] },
    ]);
    expect(formOf(oneScreen([{ ...email, "helper-text": "We never share it" }]))).toBeNull();
    expect(formOf(oneScreen([email], { data: { name: { type: "string", __example__: "Ana" } } }))).toBeNull();
    expect(formOf({ ...oneScreen([email]), data_api_version: "3.0" })).toBeNull();
  });

  it("lists the questions with their labels and options", () => {
    const questions = questionsOf(starterJson("nps"));
    expect(questions.map((q) => [q.name, q.type])).toEqual([
      ["score", "RadioButtonsGroup"],
      ["reason", "TextArea"],
    ]);
    expect(questions[0]!.options).toHaveLength(11);
  });

  it("places a problem on its screen and field, and names new fields and screens uniquely", () => {
    expect(formPlace(["screens", 1, "layout", "children", 2, "label"])).toEqual({ screen: 1, field: 2 });
    expect(formPlace(["screens", 0, "id"])).toEqual({ screen: 0, field: null });
    expect(formPlace(["version"])).toBeNull();
    const form = flowStarter("blank").form;
    form.screens[0]!.fields.push(newField("email", form, "Email"));
    expect(newField("email", form, "Email").name).toBe("email_2");
    expect(newScreenId(form)).toBe("SCREEN_A");
    expect(flowProblems(flowJsonOf(form))).toEqual([]);
  });
});
