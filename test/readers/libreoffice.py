"""Open Word files in LibreOffice (headless, through UNO) and report what LibreOffice reads.

Usage: /usr/bin/python3 libreoffice.py <file.docx>...   (prints one JSON object per file)

For each file: the paragraphs' text as LibreOffice holds it, the tracked changes it found
(type and author), and the text after LibreOffice's own "Accept All" and "Reject All".
Run by lib/exporter/readers.test.ts; needs Debian's libreoffice-writer (python3-uno).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def paragraphs(doc):
    out = []
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            out.append(el.getString())
        elif el.supportsService("com.sun.star.text.TextTable"):
            for name in el.getCellNames():
                out.append(el.getCellByName(name).getString())
    return out


def redlines(doc):
    out = []
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        out.append({"type": r.getPropertyValue("RedlineType"), "author": r.getPropertyValue("RedlineAuthor")})
    return out


def main(files):
    profile = tempfile.mkdtemp(prefix="plenary-lo-")
    # A named pipe of its own, not a TCP port: a port derived from the pid could be held by
    # another process (a test server on an ephemeral port), and the bridge would then fail
    # to connect or reach the wrong listener.
    pipe = "plenary-lo-" + os.path.basename(profile)
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                time.sleep(0.1)
        if ctx is None:
            raise RuntimeError("LibreOffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for path in files:
            url = uno.systemPathToFileUrl(os.path.abspath(path))
            result = {"file": path}
            for action in ("read", "accept", "reject"):
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", False)))
                if doc is None:
                    raise RuntimeError(f"LibreOffice could not open {path}")
                if action == "read":
                    result["paragraphs"] = paragraphs(doc)
                    result["redlines"] = redlines(doc)
                else:
                    frame = doc.getCurrentController().getFrame()
                    command = ".uno:AcceptAllTrackedChanges" if action == "accept" else ".uno:RejectAllTrackedChanges"
                    dispatcher.executeDispatch(frame, command, "", 0, ())
                    result[action] = paragraphs(doc)
                    result[action + "Redlines"] = len(redlines(doc))
                doc.close(True)
            print(json.dumps(result), flush=True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(sys.argv[1:])
