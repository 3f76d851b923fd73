// Funding rounds are deals with several investors: one (:Deal:Investment:Round) per round, a MADE edge from each
// investor carrying its role (lead or participant), its own share when the news gives it, the key of its pair with
// the company ('INVESTS_IN|investor id|Company|company id') and its place in the investor's timeline ('<investor id>
// <date or ~> <round id>'). These two indexes let funders, investments and timelines read a pair's or an investor's
// rounds as they read Deal.pair and Deal.timelineFrom. Graphs written before have no rounds: nothing to fill in.
CREATE RANGE INDEX made_pair IF NOT EXISTS FOR ()-[m:MADE]-() ON (m.pair);
CREATE RANGE INDEX made_timeline IF NOT EXISTS FOR ()-[m:MADE]-() ON (m.timeline);
