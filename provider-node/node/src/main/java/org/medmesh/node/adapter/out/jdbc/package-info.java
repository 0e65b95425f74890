/** The node's own small state (consent documents, enrolment codes, exchange nonces) in its database, migrated by Flyway. */
package org.medmesh.node.adapter.out.jdbc;
