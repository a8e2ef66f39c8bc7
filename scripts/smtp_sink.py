"""A loopback SMTP server for the tests: every delivered message is written as an .eml file."""
import asyncio
import pathlib
import sys
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder: pathlib.Path):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        name = self.folder / f"{uuid.uuid4().hex}.eml"
        tmp = name.with_suffix(".tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(name)
        return "250 Message accepted for delivery"


def main() -> None:
    host, port, folder = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(Sink(folder), hostname=host, port=port)
    controller.start()
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
