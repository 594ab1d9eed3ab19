/**
 * The incident model and store: what happened, graded and keyed (docs/architecture.md,
 * "Packages").
 */
@ApplicationModule(allowedDependencies = {})
package org.harbinger.incident;

import org.springframework.modulith.ApplicationModule;
