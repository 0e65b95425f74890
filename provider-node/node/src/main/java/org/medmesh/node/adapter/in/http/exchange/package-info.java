/**
 * The record exchange over HTTP: the holder's endpoint for other nodes' signed requests, the clinicians' fetch and
 * break-glass endpoints, and the patient's link between their DIDs at two hospitals.
 */
package org.medmesh.node.adapter.in.http.exchange;
