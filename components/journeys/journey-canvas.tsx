"use client";
// The journey drawn: React Flow (@xyflow/react) shows the trigger and each step as a node, each way out as
// an edge named after it. A node is selected by click or by keyboard (Tab to it, Enter), and moved by
// dragging or the arrow keys; a drag from one node to another links the first free way out. The step list
// beside it (journey-builder.tsx) does all of this for screen readers and keyboards without the canvas.
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { Graph } from "@/lib/journeys/graph";
import { exitsOf } from "@/lib/journeys/graph-edit";
import { positionOf, TRIGGER_NODE, wayLabel } from "./canvas-layout";

type Props = {
  graph: Graph;
  selected: string | null;
  problemCount: Map<string | null, number>;
  /** How many people wait at each step now (the live report), when known. */
  waiting?: Record<string, number>;
  readOnly: boolean;
  onSelect: (id: string) => void;
  onMove: (id: string, position: { x: number; y: number }) => void;
  onConnect: (from: string, to: string) => void;
};

export function JourneyCanvas({
  graph,
  selected,
  problemCount,
  waiting,
  readOnly,
  onSelect,
  onMove,
  onConnect,
}: Props) {
  const t = useTranslations("journeys.builder");
  const k = useTranslations("journeys.kinds");

  const nodes = useMemo<Node[]>(() => {
    const trigger: Node = {
      id: TRIGGER_NODE,
      position: { x: 0, y: 0 },
      type: "input",
      selected: selected === TRIGGER_NODE,
      draggable: false,
      ariaLabel: t("triggerNode"),
      data: { label: <strong className="text-xs">{t("triggerNode")}</strong> },
      className: "!border-brand-600 !bg-brand-50",
    };
    return [
      trigger,
      ...graph.steps.map((step, i): Node => {
        const problems = problemCount.get(step.id) ?? 0;
        const here = waiting?.[step.id] ?? 0;
        return {
          id: step.id,
          position: positionOf(step, i),
          type: step.kind === "exit" ? "output" : "default",
          selected: selected === step.id,
          draggable: !readOnly,
          ariaLabel: `${k(step.kind)}: ${step.label || step.id}`,
          data: {
            label: (
              <span className="block text-left text-xs">
                <span className="block font-semibold">{k(step.kind)}</span>
                <span className="block truncate text-muted">{step.label || step.id}</span>
                {problems > 0 && (
                  <span className="mt-1 block font-medium text-red-700">{t("problemCount", { count: problems })}</span>
                )}
                {here > 0 && <span className="mt-1 block text-brand-800">{t("waitingCount", { count: here })}</span>}
              </span>
            ),
          },
          className: problems > 0 ? "!border-red-500" : undefined,
        };
      }),
    ];
  }, [graph.steps, selected, problemCount, waiting, readOnly, t, k]);

  const edges = useMemo<Edge[]>(() => {
    const out: Edge[] = [];
    if (graph.start)
      out.push({
        id: `${TRIGGER_NODE}->${graph.start}`,
        source: TRIGGER_NODE,
        target: graph.start,
        markerEnd: { type: MarkerType.ArrowClosed },
      });
    for (const step of graph.steps)
      for (const e of exitsOf(step))
        if (e.to)
          out.push({
            id: `${step.id}:${e.way}->${e.to}`,
            source: step.id,
            target: e.to,
            label: e.way === "next" ? undefined : wayLabel(t, e.way),
            markerEnd: { type: MarkerType.ArrowClosed },
          });
    return out;
  }, [graph, t]);

  const onNodesChange = (changes: NodeChange[]) => {
    for (const change of changes) {
      if (change.type === "position" && change.position && change.id !== TRIGGER_NODE && !readOnly)
        onMove(change.id, change.position);
      if (change.type === "select" && change.selected) onSelect(change.id);
    }
  };

  return (
    <div className="h-[28rem] rounded-lg border border-line bg-white lg:h-[36rem]" data-testid="journey-canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onConnect={(c: Connection) => !readOnly && c.source && c.target && onConnect(c.source, c.target)}
        nodesConnectable={!readOnly}
        fitView
        fitViewOptions={{ padding: 0.2 }}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          "node.a11yDescription.default": t("a11y.node"),
          "node.a11yDescription.keyboardDisabled": t("a11y.nodeNoKeys"),
          "node.a11yDescription.ariaLiveMessage": ({ x, y }) => t("a11y.moved", { x: Math.round(x), y: Math.round(y) }),
          "edge.a11yDescription.default": t("a11y.edge"),
          "controls.ariaLabel": t("a11y.controls"),
          "controls.zoomIn.ariaLabel": t("a11y.zoomIn"),
          "controls.zoomOut.ariaLabel": t("a11y.zoomOut"),
          "controls.fitView.ariaLabel": t("a11y.fitView"),
          "controls.interactive.ariaLabel": t("a11y.interactive"),
          "minimap.ariaLabel": t("a11y.minimap"),
          "handle.ariaLabel": t("a11y.handle"),
        }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
