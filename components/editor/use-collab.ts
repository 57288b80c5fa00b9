"use client";

import { useEffect, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { CloseCode } from "@/lib/protocol/close-codes";
import { sendOwnPresenceOnly } from "./own-presence";
import { documentAccess, resumeBudget, sessionStillValid } from "./session-resume";

export type ConnectionState = "connecting" | "synced" | "syncing" | "reconnecting" | "offline" | "ended";

export interface Collab {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function collabUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/collab`;
}

/**
 * One Y.Doc and one y-websocket connection per document per tab. BroadcastChannel is off
 * so every change travels through the server (which authorizes and stores it).
 */
export function useCollab(documentId: string, userId: string): { collab: Collab | null; state: ConnectionState; endedReason: string | null } {
  const [collab, setCollab] = useState<Collab | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [endedReason, setEndedReason] = useState<string | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(collabUrl(), documentId, doc, {
      disableBc: true,
      maxBackoffTime: 5000,
      // 4400-4499 end the session (bad message, signed out, role revoked), except a rate
      // limit: that one is retried with the provider's backoff, and the edits typed
      // meanwhile travel in the next sync. A change over the size limit (1009) would be
      // sent again on every reconnect: it ends the session too, with its reason shown.
      shouldReconnect: (event) => event.code !== CloseCode.TooLarge && (event.code === CloseCode.RateLimited || event.code < 4400 || event.code > 4499),
    });
    const stopOwnPresence = sendOwnPresenceOnly(provider);
    let everSynced = false;
    const update = () => {
      if (!navigator.onLine) return setState("offline");
      if (provider.wsconnected) return setState(provider.synced ? "synced" : "syncing");
      setState(everSynced ? "reconnecting" : "connecting");
    };
    const handleSync = (synced: boolean) => {
      if (synced) everSynced = true;
      update();
    };
    let refused = false;
    // Offline, the socket is closed at once: a dead socket can stay "open" for a while, and
    // what is typed meanwhile would go out in pieces when it wakes up. Back online, it
    // connects again and everything typed offline travels in its sync, as one change.
    const goOffline = () => {
      provider.disconnect();
      update();
    };
    const goOnline = () => {
      if (!refused) provider.connect();
      update();
    };
    const mayResume = resumeBudget();
    let destroyed = false;
    const handleClosed = ({ code, reason }: { code: number; reason: string }) => {
      refused = true;
      // "Session ended" with this browser holding a newer one (the password changed in
      // another tab): connect again, the edits typed meanwhile travel in the sync.
      if (code === CloseCode.Unauthenticated && mayResume()) {
        setState("reconnecting");
        void sessionStillValid(userId).then((valid) => {
          if (destroyed) return;
          if (valid) {
            refused = false;
            provider.connect();
            update();
          } else end(code, reason);
        });
        return;
      }
      end(code, reason);
    };
    const end = (code: number, reason: string) => {
      setState("ended");
      const ended = code === CloseCode.Forbidden || code === CloseCode.Unauthenticated;
      setEndedReason(
        ended
          ? `Access ended: ${reason || "your role was changed"}. Reload to continue.`
          : code === CloseCode.TooLarge
            ? "Your last change is too large to send (over the server's size limit) and was not saved. Reload to continue."
            : `Connection refused: ${reason}. Reload to try again.`,
      );
    };
    // Refused at the door (the HTTP upgrade answered 401 or 403: signed out or the role revoked
    // while this tab slept or was offline), a connection closes as 1006, which the provider
    // retries for ever ("reconnecting"). From the second refusal in a row the server is asked
    // whether this person may still open the document, and the tab ends when not.
    let checking = false;
    const handleConnectionClose = () => {
      if (checking || refused || destroyed || !navigator.onLine || provider.wsUnsuccessfulReconnects < 1) return;
      checking = true;
      void documentAccess(documentId).then((access) => {
        checking = false;
        if (destroyed || refused || provider.wsconnected) return;
        if (access !== "signed-out" && access !== "no-role") return;
        refused = true;
        provider.disconnect();
        end(access === "signed-out" ? CloseCode.Unauthenticated : CloseCode.Forbidden, access === "signed-out" ? "session ended" : "your role on this document was revoked");
      });
    };
    provider.on("status", update);
    provider.on("sync", handleSync);
    provider.on("closed", handleClosed);
    provider.on("connection-close", handleConnectionClose);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    setCollab({ doc, provider });
    return () => {
      destroyed = true;
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      provider.off("status", update);
      provider.off("sync", handleSync);
      provider.off("closed", handleClosed);
      provider.off("connection-close", handleConnectionClose);
      stopOwnPresence();
      provider.destroy();
      doc.destroy();
      setCollab(null);
    };
  }, [documentId, userId]);

  return { collab, state, endedReason };
}
