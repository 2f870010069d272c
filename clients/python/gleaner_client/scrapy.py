"""A Scrapy item pipeline that hands every item to Gleaner and lets it through only
once the broker has journaled it. Scrapy itself is needed only to run it.

    ITEM_PIPELINES = {"gleaner_client.scrapy.GleanerPipeline": 800}
    GLEANER_ENDPOINTS = ["tcp://broker-host:5556"]     # or one string, comma-separated

An item is the input record of CONTRACT.md: `content` (text or HTML), optional `id`,
`url`, `publishedAt`, `source`, `contentType`, `language`, `metadata`. Other settings:
GLEANER_WINDOW (1024), GLEANER_TIMEOUT (seconds without an acknowledgement before an
item fails, 120; None waits forever), GLEANER_CURVE_SERVER_KEY and optionally
GLEANER_CURVE_PUBLIC_KEY / GLEANER_CURVE_SECRET_KEY. An item the broker did not
acknowledge fails with NotAcceptedError (Scrapy logs it with the item) and is counted
in the crawl stats as gleaner/not_accepted; gleaner/accepted counts the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

from .background import BackgroundSender
from .client import DEFAULT_ENDPOINT, Client
from .curve import CurveKeys


def item_record(item: Any) -> dict:
    """An item (dict, scrapy.Item, dataclass, attrs: whatever itemadapter reads) as a dict."""
    if isinstance(item, Mapping):
        return dict(item)
    from itemadapter import ItemAdapter  # installed with Scrapy
    return ItemAdapter(item).asdict()


class GleanerPipeline:
    def __init__(self, endpoints=DEFAULT_ENDPOINT, window: int = 1024, timeout: Optional[float] = 120.0,
                 curve: Optional[CurveKeys] = None, stats=None):
        if isinstance(endpoints, str):
            endpoints = [e.strip() for e in endpoints.split(",") if e.strip()]
        self.endpoints = list(endpoints)
        self.window = window
        self.timeout = timeout
        self.curve = curve
        self.stats = stats
        self.sender: Optional[BackgroundSender] = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        server_key = s.get("GLEANER_CURVE_SERVER_KEY")
        curve = CurveKeys(server_key, s.get("GLEANER_CURVE_PUBLIC_KEY"), s.get("GLEANER_CURVE_SECRET_KEY")) \
            if server_key else None
        timeout = s.get("GLEANER_TIMEOUT", 120.0)
        return cls(endpoints=s.get("GLEANER_ENDPOINTS", DEFAULT_ENDPOINT), window=s.getint("GLEANER_WINDOW", 1024),
                   timeout=None if timeout in (None, "None", "") else float(timeout), curve=curve,
                   stats=crawler.stats)

    def open_spider(self, spider=None) -> None:
        self.sender = BackgroundSender(
            lambda: Client(self.endpoints, window=self.window, timeout=self.timeout, curve=self.curve))

    def close_spider(self, spider=None) -> None:
        if self.sender is not None:
            self.sender.close()
            self.sender = None

    async def process_item(self, item: Any, spider=None) -> Any:
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet import reactor
        from twisted.internet.defer import Deferred

        future = self.sender.submit(item_record(item))
        done: Deferred = Deferred()

        def settle(f):
            error = f.exception()
            if error is None:
                done.callback(f.result())
            else:
                done.errback(error)
        future.add_done_callback(lambda f: reactor.callFromThread(settle, f))
        try:
            await maybe_deferred_to_future(done)
        except Exception:
            self._count("gleaner/not_accepted")
            raise
        self._count("gleaner/accepted")
        return item

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)
