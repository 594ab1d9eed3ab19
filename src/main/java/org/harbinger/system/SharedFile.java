package org.harbinger.system;

import java.nio.file.Path;

/**
 * An administrator's file whose version in force is shared by every node through the
 * database ({@link SharedConfig}). Its owner puts a newer version in force through the
 * same validation as an edit of the file, so a version a node cannot accept never goes in
 * force there. Owners synchronize their changes, {@link #textInForce()} and
 * {@link #adopt(String)} on themselves; the poll holds that lock while it shares a text.
 */
public interface SharedFile {

	/**
	 * The name of its versions in the database (thresholds, subscriptions or users) and
	 * the file on this node.
	 */
	record Location(String name, Path file) {
	}

	Location location();

	/**
	 * The text in force on this node, or null when the file on disk is not what is in
	 * force (an edit not yet applied or refused): only a text in force is shared.
	 */
	String textInForce();

	/**
	 * Checks the text as an edit of the file would be checked, puts it in force and
	 * writes the file. Throws {@link ConfigFileException} or {@link ConfigChangeRefused}
	 * naming each problem; what was in force stays.
	 */
	void adopt(String text);

}
