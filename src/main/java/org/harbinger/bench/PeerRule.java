package org.harbinger.bench;

/**
 * One indicator as the peer evaluates it: on each simulated day, query its windows and
 * say what holds (docs/performance.md, "A peer design: re-querying like ElastAlert").
 */
interface PeerRule {

	String indicator();

	/**
	 * Queries the windows ending {@code today} (an epoch day) and adds what holds to
	 * {@code hits}; {@code firstDay} is the first event day of the data known today, or
	 * null before anything arrived.
	 */
	void evaluate(long today, Long firstDay, PeerQueries db, PeerHits hits);

}
