"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { AnnotationView } from "@/server/negotiation/views";
import type { EditingMode } from "@/server/collab/types";

export interface NegotiationData {
  annotations: AnnotationView[];
  statuses: Record<string, string>;
  mode: EditingMode;
}

export interface ApiResult<T = unknown> {
  ok: boolean;
  data?: T;
  message?: string;
}

/** Calls the negotiation API; errors come back as a message for the UI, never thrown. */
export async function api<T>(url: string, method: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json().catch(() => ({}))) as T & { message?: string };
    return res.ok ? { ok: true, data } : { ok: false, message: data.message ?? `Request failed (${res.status})` };
  } catch {
    return { ok: false, message: "The server cannot be reached." };
  }
}

function upsert(list: AnnotationView[], a: AnnotationView): AnnotationView[] {
  const i = list.findIndex((x) => x.id === a.id);
  if (i < 0) return [...list, a];
  const next = list.slice();
  next[i] = a;
  return next;
}

/** The event stream: positions and statuses arrive live only while it is "live". */
export type LiveState = "connecting" | "live" | "reconnecting" | "stopped";

/**
 * Annotations, paragraph statuses and the editing mode of a document, kept live through
 * the server's event stream (no polling, no reload).
 */
export function useNegotiation(documentId: string, initialMode: EditingMode, onReverted?: (reason: string) => void) {
  const [data, setData] = useState<NegotiationData>({ annotations: [], statuses: {}, mode: initialMode });
  const [live, setLive] = useState<LiveState>("connecting");
  const base = `/api/documents/${documentId}`;
  const baseRef = useRef(base);
  baseRef.current = base;
  // The server undid a change of this user's (the stream carries only their own).
  const onRevertedRef = useRef(onReverted);
  onRevertedRef.current = onReverted;

  const reload = useCallback(async () => {
    const res = await api<NegotiationData>(`${baseRef.current}/annotations`, "GET");
    if (res.ok && res.data) setData(res.data);
  }, []);

  const refreshOne = useCallback(async (annotationId: string) => {
    const res = await api<AnnotationView>(`${baseRef.current}/annotations/${annotationId}`, "GET");
    if (res.ok && res.data) {
      const a = res.data;
      setData((d) => ({ ...d, annotations: upsert(d.annotations, a) }));
    }
  }, []);

  useEffect(() => {
    const source = new EventSource(`${base}/events`);
    source.addEventListener("ready", () => {
      setLive("live");
      void reload();
    });
    source.addEventListener("annotation", (e) => {
      const { annotationId } = JSON.parse((e as MessageEvent<string>).data) as { annotationId: string };
      void refreshOne(annotationId);
    });
    source.addEventListener("paragraph-status", (e) => {
      const { blockId, status } = JSON.parse((e as MessageEvent<string>).data) as { blockId: string; status: string };
      setData((d) => ({ ...d, statuses: { ...d.statuses, [blockId]: status } }));
    });
    source.addEventListener("mode", (e) => {
      const { mode } = JSON.parse((e as MessageEvent<string>).data) as { mode: EditingMode };
      setData((d) => ({ ...d, mode }));
    });
    source.addEventListener("reverted", (e) => {
      const { reason } = JSON.parse((e as MessageEvent<string>).data) as { reason: string };
      onRevertedRef.current?.(reason);
    });
    source.addEventListener("closed", () => {
      setLive("stopped");
      source.close();
    });
    // EventSource retries by itself after a network error, never after a refusal (4xx).
    source.onerror = () => setLive(source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting");
    return () => source.close();
  }, [base, reload, refreshOne]);

  const mutate = useCallback(
    async (path: string, method: string, body?: unknown): Promise<ApiResult<AnnotationView>> => {
      const res = await api<AnnotationView>(`${baseRef.current}${path}`, method, body);
      if (res.ok && res.data && "id" in res.data) {
        const a = res.data;
        setData((d) => ({ ...d, annotations: upsert(d.annotations, a) }));
      }
      return res;
    },
    [],
  );

  return { ...data, live, reload, mutate, base };
}
