/**
 * Storage ports. Every adapter implements all of them and runs the contract suites of the test-jar
 * ({@code *Contract}) to prove it behaves like the others.
 */
package dev.chatcore.domain.port;
