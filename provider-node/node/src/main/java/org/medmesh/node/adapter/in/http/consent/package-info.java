/**
 * The patient-facing relay: a wallet's self-signed operations (DID creation and rotation, consent grants and
 * revocations) reach the ledger through any node, which can neither forge nor alter them; enrolment by DID auth;
 * holders taking in signed Consents.
 */
package org.medmesh.node.adapter.in.http.consent;
