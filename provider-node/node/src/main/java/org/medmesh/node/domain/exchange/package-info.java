/** What one node asks another for in a record exchange: the request's fields and validity rules, as plain values. */
package org.medmesh.node.domain.exchange;
