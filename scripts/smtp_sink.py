"""A loopback SMTP server for the tests: every delivered message is written as an .eml file.

Usage: smtp_sink.py HOST PORT FOLDER [CERT.pem KEY.pem]
With a certificate and key it offers STARTTLS and refuses mail sent without it (530), so a delivery proves the
client upgraded the connection. A recipient whose address starts with "refused-" is refused for good (550), as a
server refuses a mailbox that does not exist.
"""
import asyncio
import pathlib
import ssl
import sys
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder: pathlib.Path):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused-"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = self.folder / f"{uuid.uuid4().hex}.eml"
        tmp = name.with_suffix(".tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(name)
        return "250 Message accepted for delivery"


def main() -> None:
    host, port, folder = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    tls = {}
    if len(sys.argv) > 5:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(sys.argv[4], sys.argv[5])
        tls = {"tls_context": context, "require_starttls": True}
    controller = Controller(Sink(folder), hostname=host, port=port, **tls)
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
