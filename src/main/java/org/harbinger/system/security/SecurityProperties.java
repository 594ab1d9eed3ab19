package org.harbinger.system.security;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where users and tokens live ({@code harbinger.security.users-file}, by default
 * {@code users.yml} in the config folder), and how repeated sign-in failures are slowed
 * down.
 */
@ConfigurationProperties("harbinger.security")
@Validated
record SecurityProperties(Path usersFile, @DefaultValue @NotNull @Valid Login login) {

	/**
	 * Sign-in throttling (docs/security.md): after {@code freeAttempts} failures in a row
	 * for an account, or {@code addressFreeAttempts} from one client address (whatever
	 * the accounts), each further failure locks it for {@code firstLock}, doubled each
	 * time up to {@code maxLock}. A lock refuses even the right password. Failures are
	 * forgotten after {@code forgetAfter} without one.
	 *
	 * @param freeAttempts failures an account may have before it is locked
	 * @param addressFreeAttempts failures one address may have, higher because offices
	 * share addresses
	 * @param firstLock the first lock
	 * @param maxLock the longest lock
	 * @param forgetAfter how long failures are remembered after the last one
	 */
	record Login(@DefaultValue("5") @Min(1) int freeAttempts, @DefaultValue("30") @Min(1) int addressFreeAttempts,
			@DefaultValue("30s") @NotNull Duration firstLock, @DefaultValue("15m") @NotNull Duration maxLock,
			@DefaultValue("1h") @NotNull Duration forgetAfter) {
	}

}
