package org.harbinger.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in failures per account and per client address, from Spring Security's
 * authentication events (form login and HTTP Basic alike), and locks either for a growing
 * time once it has failed too often. The counters live in bounded Caffeine caches that
 * forget a key after a quiet hour, so a flood of invented names cannot exhaust memory.
 * Each lock is logged and audited once; attempts refused while locked are never checked,
 * so they cost no bcrypt time.
 */
@Component
class LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int MAX_KEYS = 100_000;

	private final SecurityProperties.Login policy;

	private final SecurityEvents audit;

	private final Cache<String, Failures> accounts;

	private final Cache<String, Failures> addresses;

	LoginThrottle(SecurityProperties properties, SecurityEvents audit) {
		this.policy = properties.login();
		this.audit = audit;
		this.accounts = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(this.policy.forgetAfter()).build();
		this.addresses = Caffeine.newBuilder()
			.maximumSize(MAX_KEYS)
			.expireAfterWrite(this.policy.forgetAfter())
			.build();
	}

	/** Failures in a row, and until when the key is locked (null when it is not). */
	private record Failures(int count, Instant lockedUntil) {

		Duration remaining(Instant now) {
			return (this.lockedUntil == null || !this.lockedUntil.isAfter(now)) ? Duration.ZERO
					: Duration.between(now, this.lockedUntil);
		}

	}

	/**
	 * How long the account, or the address, must wait before a sign-in is checked again;
	 * zero when now.
	 */
	Duration wait(String account, String address) {
		Instant now = Instant.now();
		Duration byAccount = remaining(this.accounts, accountKey(account), now);
		Duration byAddress = remaining(this.addresses, address, now);
		return (byAccount.compareTo(byAddress) >= 0) ? byAccount : byAddress;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String account = event.getAuthentication().getName();
		String address = address(event.getAuthentication());
		fail(this.accounts, accountKey(account), this.policy.freeAttempts(), "account", account, address);
		if (address != null) {
			fail(this.addresses, address, this.policy.addressFreeAttempts(), "address", account, address);
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		String account = event.getAuthentication().getName();
		Failures before = this.accounts.asMap().remove(accountKey(account));
		if (before != null && before.count() > 0) {
			String address = address(event.getAuthentication());
			logger.warn("Sign-in of '{}' from {} succeeded after {} failed attempts", printable(account, 100),
					printable(address, 100), before.count());
			this.audit.record("LOGIN_AFTER_FAILURES", account, address,
					"signed in after " + before.count() + " failed attempts");
		}
	}

	private void fail(Cache<String, Failures> counters, String key, int free, String what, String account,
			String address) {
		Instant now = Instant.now();
		Failures next = counters.asMap().merge(key, new Failures(1, null), (previous, one) -> {
			int count = previous.count() + 1;
			return new Failures(count, (count > free) ? now.plus(lock(count - free)) : null);
		});
		if (next.lockedUntil() != null) {
			Duration lock = Duration.between(now, next.lockedUntil());
			String detail = what + " locked for " + lock.toSeconds() + " s after " + next.count()
					+ " failed sign-ins in a row";
			logger.warn("Sign-in locked: {} (account '{}', address {})", detail, printable(account, 100),
					printable(address, 100));
			this.audit.record("LOGIN_LOCKED", account, address, detail);
		}
		else {
			logger.info("Sign-in failed for '{}' from {} ({} in a row for the {})", printable(account, 100),
					printable(address, 100), next.count(), what);
		}
	}

	/** The n-th lock (from 1): the first lock, doubled each time, at most the longest. */
	private Duration lock(int n) {
		Duration lock = this.policy.firstLock().multipliedBy(1L << Math.min(n - 1, 30));
		return (lock.compareTo(this.policy.maxLock()) > 0) ? this.policy.maxLock() : lock;
	}

	private static Duration remaining(Cache<String, Failures> counters, String key, Instant now) {
		Failures failures = (key != null) ? counters.getIfPresent(key) : null;
		return (failures != null) ? failures.remaining(now) : Duration.ZERO;
	}

	/**
	 * Names are compared without case and cut short, so neither can widen the attempts an
	 * attacker gets.
	 */
	private static String accountKey(String account) {
		return (account == null) ? "" : printable(account, 200).toLowerCase(Locale.ROOT);
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

	/**
	 * Text an attacker chose, safe for a log line or a column: control characters shown
	 * as '?', cut short.
	 */
	static String printable(String text, int max) {
		if (text == null) {
			return null;
		}
		String cut = (text.length() > max) ? text.substring(0, max) : text;
		StringBuilder out = new StringBuilder(cut.length());
		cut.codePoints().forEach((c) -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
		return out.toString();
	}

}
