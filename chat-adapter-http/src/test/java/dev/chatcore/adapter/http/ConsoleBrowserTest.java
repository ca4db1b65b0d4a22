package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.application.filter.WordList;
import dev.chatcore.application.filter.WordListFilter;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The console in a real browser, used the way a moderator would: sign in, work the reports queue,
 * ban, search and delete, announce, look a player up, watch a room live, review the content
 * filter's automatic report. Each step is checked on the API too, as the players would meet it.
 * Also saves the screenshots of docs/console.md.
 */
class ConsoleBrowserTest {
  static HttpTestServer server;
  static ConsoleBrowser browser;

  /** Made before any admin exists: the first-admin invite the server would print. */
  static String adminInvite;

  private final AccountId authorId = TestIds.account();
  private final AccountId witnessId = TestIds.account();
  private String author;
  private String witness;
  private String admin;
  private String room;

  @BeforeAll
  static void start() throws Exception {
    // the word-list filter flags one word no other step says
    server =
        HttpTestServer.builder()
            .moderation(
                ContentModeration.none()
                    .withFilter(
                        new WordListFilter(WordList.parse(List.of("wallhack* flag:cheating")))))
            .start();
    adminInvite = server.core().bootstrapAdmin().adminInvite().orElseThrow().code();
    browser = ConsoleBrowser.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) browser.close();
    server.close();
  }

  /** Two players in one global room, chatting; a fresh tab on the sign-in form. */
  @BeforeEach
  void chat() {
    author = server.token(authorId, "gold-seller", false);
    witness = server.token(witnessId, "witness", false);
    admin = server.token(TestIds.account(), "moderator", true);
    room = server.get("/chat/", author).get("roomUpdates").get(0).get("id").asText();
    server.get("/chat/", witness);
    say(witness, "anyone up for a raid?");
    say(author, "sure, after dinner");
    browser.driver().get(server.url("/console/"));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("sessionStorage.clear()");
    browser.driver().navigate().refresh();
  }

  @Test
  void aModeratorWorksAReportBansSearchesDeletesAndAnnounces() {
    String older = say(author, "my other offence");
    report(witness, older);
    String offending = say(author, "buy cheap gold at example.com");
    say(witness, "please stop");
    report(witness, offending);

    // 1. sign in with an admin token
    browser.visible(By.id("signin-token"));
    shoot("01-sign-in");
    browser.type(By.id("signin-token"), admin);
    browser.click(By.id("signin-token-submit"));
    browser.showing(By.id("reports-list"), "buy cheap gold");
    shoot("02-reports");

    // 2. open the newest report: first in the queue (both New, reported once: newest first)
    browser
        .visible(By.cssSelector("#reports-list .open-report"))
        .sendKeys(Keys.ENTER); // the keyboard's way
    browser.showing(By.cssSelector("#report-log li.offending"), "buy cheap gold at example.com");
    browser.showing(By.id("reporters"), witnessId.value());
    shoot("03-report");

    // 3. ban its author for 30 minutes
    browser.click(By.id("ban-author"));
    new org.openqa.selenium.support.ui.Select(browser.visible(By.id("ban-duration")))
        .selectByVisibleText("30 minutes");
    browser.type(By.id("ban-reason"), "selling gold");
    browser.click(By.cssSelector("dialog button[value=confirm]"));
    browser.showing(By.id("notice"), "is banned until");

    // 4. the author's next request is refused
    Response refused = server.get("/chat/", author);
    assertEquals(401, refused.status(), refused.toString());
    assertEquals("banned", refused.error());
    assertEquals("selling gold", refused.text("reason"));
    long until = refused.get("until").asLong();
    assertTrue(
        Math.abs(until - Instant.now().plusSeconds(1800).getEpochSecond()) < 60,
        "banned for 30 minutes: " + until);

    // 5. search for a message and delete it
    String before = server.get("/v1/rooms/" + room, witness).text("head");
    browser.click(By.id("nav-messages"));
    browser.type(By.id("search-term"), "CHEAP GOLD" + Keys.ENTER);
    browser.showing(By.id("message-results"), "buy cheap gold at example.com");
    shoot("04-messages");
    browser.click(
        By.cssSelector("#message-results tr[data-id='" + offending + "'] .delete-message"));
    browser.click(By.cssSelector("dialog button[value=confirm]"));
    browser.showing(By.id("notice"), "The message is deleted.");
    browser.showing(By.id("message-results"), "No message contains that text.");

    // 6. gone from history, an m.redaction on /v1
    JsonNode history = server.get("/v1/rooms/" + room + "/messages", witness).get("chunk");
    assertFalse(eventIds(history).contains(offending), "deleted from history");
    JsonNode events = server.get("/v1/sync?timeout=1000&since=" + before, witness).get("events");
    assertTrue(redactions(events).contains(offending), "m.redaction on /v1: " + events);

    // 7. an announcement reaches a player
    browser.type(By.id("send-text"), "Servers restart at noon");
    browser.click(By.cssSelector("#send-form button[type=submit]"));
    browser.showing(By.id("notice"), "The announcement is sent to every player.");
    browser.showing(
        By.cssSelector("section[aria-labelledby=announcements-title]"), "Servers restart at noon");
    JsonNode announcements = server.get("/chat/", witness).get("announcements");
    assertEquals(
        "Servers restart at noon",
        announcements.get(announcements.size() - 1).get("text").asText());
  }

  @Test
  void anInvitedModeratorLooksUpAPlayerAndWatchesARoomLive() {
    // sign in by redeeming the first-admin invite
    browser.type(By.id("signin-code"), adminInvite);
    browser.type(By.id("signin-name"), "Community manager");
    browser.click(By.cssSelector("#signin-invite-form button[type=submit]"));
    browser.showing(By.id("who-name"), "Community manager");

    // a player's page: messages, ban state and history
    server.post(
        "/chat/admin/bans",
        admin,
        "{\"accountId\":\"" + authorId.value() + "\",\"duration\":60,\"reason\":\"cool down\"}");
    browser.click(By.id("nav-players"));
    browser.type(By.id("player-id"), authorId.value());
    browser.click(By.cssSelector("#player-form button[type=submit]"));
    browser.showing(By.id("ban-state"), "cool down");
    browser.showing(By.id("player"), "sure, after dinner");
    browser.click(By.id("lift-ban"));
    browser.click(By.cssSelector("dialog button[value=confirm]"));
    browser.showing(By.id("ban-state"), "Not banned");
    assertEquals(200, server.get("/chat/", author).status(), "unbanned");
    shoot("05-player");

    // watch the room live: a message sent now appears without reloading
    Response guild =
        server.post(
            "/chat/admin/rooms/new",
            admin,
            "{\"accountIds\":[\""
                + authorId.value()
                + "\",\""
                + witnessId.value()
                + "\"],\"data\":{\"guild\":\"wolves\"}}");
    assertEquals(200, guild.status(), guild.toString());
    browser.click(By.id("nav-rooms"));
    browser.showing(By.cssSelector("section[aria-labelledby=rooms-title]"), "wolves");
    browser.click(By.cssSelector("a.watch-room[href='#/rooms/" + room + "']"));
    browser.showing(By.id("watch-state"), "Live");
    assertEquals(
        1, server.core().streams().openCount(), "the watch is a live stream (SSE with a ticket)");
    assertEquals(0, server.core().syncWaiter().heldCount(), "not a long poll");
    browser.showing(By.id("watch-log"), "anyone up for a raid?");
    say(witness, "a dragon spawned at the gate!");
    browser.showing(By.id("watch-log"), "a dragon spawned at the gate!");
    shoot("06-rooms");

    // errors are said plainly: a player token does not get in
    browser.click(By.id("sign-out"));
    browser.type(By.id("signin-token"), witness);
    browser.click(By.id("signin-token-submit"));
    browser.showing(By.id("error-text"), "not an admin");

    // every refusal reads as a sentence, and a 418 is waited out for its Retry-After, then retried
    Object said =
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                """
        const done = arguments[arguments.length - 1];
        (async () => {
        const { api, describe, ApiError } = await import('/console/js/api.js');
        const text = (status, code) => describe(new ApiError(status, code, 'why', {}, 2));
        const realFetch = window.fetch;
        let calls = 0;
        window.fetch = async () => ++calls === 1
          ? new Response('{"error":"rate_limited","message":"slow down"}', {status: 418, headers: {'Retry-After': '1'}})
          : new Response('{"ok":true}', {status: 200});
        const started = performance.now();
        const answer = await api('GET', '/anything');
        window.fetch = realFetch;
        done([text(401, 'unauthorized'), text(403, 'forbidden'), text(418, 'rate_limited'), text(503, 'unavailable'),
          String(answer.ok), String(calls), String(performance.now() - started >= 1000)].join('|'));
        })().catch((e) => done('failed: ' + e));
        """);
    String[] parts = String.valueOf(said).split("\\|");
    assertTrue(parts[0].contains("401") && parts[0].contains("Sign in again"), parts[0]);
    assertTrue(parts[1].contains("403") && parts[1].contains("admin"), parts[1]);
    assertTrue(parts[2].contains("418") && parts[2].contains("wait 2 s"), parts[2]);
    assertTrue(parts[3].contains("503") && parts[3].contains("unavailable"), parts[3]);
    assertEquals(
        List.of("true", "2", "true"),
        List.of(parts[4], parts[5], parts[6]),
        "waited 1 s, then retried once");
  }

  @Test
  void aFlaggedMessagesAutomaticReportIsInTheQueueWithTheFilterAsReporterAndItsReason() {
    String flagged = say(author, "selling wallhacks, dm me");
    JsonNode report =
        server
            .get("/chat/admin/reports?accountId=" + authorId.value(), admin)
            .get("reports")
            .get(0);
    assertEquals(flagged, report.get("offendingMessageId").asText());
    assertTrue(report.get("automatic").asBoolean(), report.toString());
    assertEquals("flagged by the content filter: cheating", report.get("adminNote").asText());

    browser.type(By.id("signin-token"), admin);
    browser.click(By.id("signin-token-submit"));
    browser.showing(By.id("reports-list"), "selling wallhacks");
    String id = report.get("id").asText();
    browser.showing(By.xpath("//a[@href='#/reports/" + id + "']/ancestor::tr"), "Filter");
    browser.click(By.cssSelector("a.open-report[href='#/reports/" + id + "']"));
    browser.showing(By.cssSelector("#report-log li.offending"), "selling wallhacks, dm me");
    browser.showing(By.id("filed-by-filter"), "content filter flagged this message");
    browser.showing(By.id("reporters"), "Content filter");
    assertEquals(
        "flagged by the content filter: cheating",
        browser.visible(By.id("report-note")).getDomProperty("value"),
        "the reason, ready to review");
    assertEquals(List.of(), browser.unlabelledControls());
  }

  /** Saves the screen for docs/console.md, after checking that every control on it is labelled. */
  private static void shoot(String name) {
    assertEquals(List.of(), browser.unlabelledControls(), name + ": controls without a label");
    browser.screenshot(name);
  }

  private String say(String token, String text) {
    Response r =
        server.post(
            "/chat/message",
            token,
            "{\"message\":{\"text\":\"" + text + "\",\"roomId\":\"" + room + "\"}}");
    assertEquals(200, r.status(), r.toString());
    return r.get("message").get("id").asText();
  }

  private void report(String token, String messageId) {
    Response r = server.post("/chat/report", token, "{\"messageId\":\"" + messageId + "\"}");
    assertEquals(200, r.status(), r.toString());
  }

  private static List<String> eventIds(JsonNode events) {
    List<String> ids = new ArrayList<>();
    events.forEach(e -> ids.add(e.get("event_id").asText()));
    return ids;
  }

  private static List<String> redactions(JsonNode events) {
    List<String> ids = new ArrayList<>();
    events.forEach(
        e -> {
          if (e.get("type").asText().equals("m.redaction"))
            ids.add(e.get("content").get("redacts").asText());
        });
    return ids;
  }
}
