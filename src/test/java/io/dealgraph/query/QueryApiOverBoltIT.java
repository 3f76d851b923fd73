package io.dealgraph.query;

import org.springframework.test.context.TestPropertySource;

/**
 * Every QueryApiIT answer again, with the query files sent over Bolt as they are to a server or cluster: the
 * embedded default runs them in-process, and the two paths must not drift apart.
 */
@TestPropertySource(properties = "dealgraph.query.in-process=false")
class QueryApiOverBoltIT extends QueryApiIT {
}
