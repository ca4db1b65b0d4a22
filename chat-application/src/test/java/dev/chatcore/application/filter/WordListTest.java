package dev.chatcore.application.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.moderation.FilterVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the word list matches, what it must not match, and the verdicts it gives. */
class WordListTest {
  private static final WordList LIST =
      WordList.parse(
          List.of(
              "# a test list",
              "fuck      reject:profanity",
              "shit      reject",
              "ass       reject",
              "cunt      reject",
              "1488      reject:hate_number",
              "darn      mask",
              "nazi*     flag:extremism",
              "*nazi*    flag:extremism",
              "kill yourself  reject:self_harm",
              "penis     mask",
              "heck      flag"));

  private static FilterVerdict check(String text) {
    return LIST.check(text);
  }

  private static void assertRejected(String text, String reason) {
    FilterVerdict verdict = check(text);
    assertTrue(
        verdict instanceof FilterVerdict.Reject r && r.reason().equals(reason),
        text + " -> " + verdict);
  }

  private static void assertAllowed(String text) {
    assertEquals(FilterVerdict.ALLOW, check(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"fuck", "FUCK", "Fück", "fûçk", "what the fuck?!", "(fuck)", "fuck, really"})
  void caseAccentsAndPunctuationDoNotMatter(String text) {
    assertRejected(text, "profanity");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fuuuuuck", "ffffuuuucccckkkk", "FUUUCK!!!"})
  void repeatedLettersAreCaught(String text) {
    assertRejected(text, "profanity");
  }

  @Test
  void aTermsOwnDoubleLettersNeedTwo() {
    assertAllowed("as you wish");
    assertRejected("asssss", "blocked_word");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "f.u.c.k",
        "f u c k",
        "f_u_c_k",
        "f-u-c-k",
        "f/u/c/k",
        "f.u.c-k",
        "f\u200Bu\u200Cck",
        "f\u00ADuck",
        "f🙂u🙂c🙂k",
        "fuc\u0301k\u0336"
      })
  void separatorsAndInvisibleCharactersBetweenLettersAreCaught(String text) {
    assertRejected(text, "profanity");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fu\u0441k", // Cyrillic es
        "\u0455hit", // Cyrillic dze
        "fυck", // Greek upsilon
        "ƒuck", // f with hook
        "ｆｕｃｋ", // fullwidth
        "ⓕⓤⓒⓚ", // circled
        "𝐟𝐮𝐜𝐤", // mathematical bold
        "𝔣𝔲𝔠𝔨", // fraktur
        "ＦＵＣＫ"
      })
  void lookAlikeCharactersAreCaught(String text) {
    assertTrue(check(text) instanceof FilterVerdict.Reject, text + " -> " + check(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sh1t", "$h!t", "5h1t", "sh!t", "f*ck", "f**k", "a55", "@ss", "a$$"})
  void leetspeakIsCaught(String text) {
    assertTrue(check(text) instanceof FilterVerdict.Reject, text + " -> " + check(text));
  }

  @Test
  void numbersStayNumbers() {
    assertAllowed("I paid 455 gold");
    assertAllowed("rolled 4 5 5 twice");
    assertRejected("you a 5 5", "blocked_word");
    assertRejected("1488", "hate_number");
    assertAllowed("14880 points");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "class",
        "assassin",
        "pass the ball",
        "Scunthorpe",
        "grass",
        "shitake? no: shiitake",
        "cocktail",
        "assume",
        "bass",
        "glass of water",
        "the heckler"
      })
  void wholeWordsOnlySoInnocentWordsPass(String text) {
    assertAllowed(text);
  }

  @Test
  void wordsAreJoinedAcrossSpacesOnlyWhenSpelledOutLetterByLetter() {
    assertEquals(
        new FilterVerdict.Mask("the * * * * *"), check("the p e n i s"), "white space is kept");
    assertAllowed("the pen is mightier");
  }

  @Test
  void aStarOpensATermAtThatEnd() {
    assertTrue(
        check("nazis everywhere") instanceof FilterVerdict.Flag f
            && f.reason().equals("extremism"));
    assertTrue(check("neonazism") instanceof FilterVerdict.Flag);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kill yourself",
        "KILL   YOURSELF",
        "kill your-self",
        "kill.yourself",
        "k i l l yourself",
        "killl yoursellf"
      })
  void phrasesMatchTheirWordsInARow(String text) {
    assertRejected(text, "self_harm");
  }

  @Test
  void phrasesDoNotMatchOtherWordsInBetween() {
    assertAllowed("kill the boss yourself");
  }

  @Test
  void maskingReplacesEachCharacterOfTheTermAndKeepsTheRest() {
    assertEquals(new FilterVerdict.Mask("oh **** it"), check("oh darn it"));
    assertEquals(new FilterVerdict.Mask("**** and *******!"), check("DARN and d.a.r.n!"));
    assertEquals(
        new FilterVerdict.Mask("a ****"),
        check("a 𝐝𝐚𝐫𝐧"),
        "one star per character, not per UTF-16 unit");
  }

  @Test
  void theStrongestActionWins() {
    assertEquals(
        new FilterVerdict.Flag("heck, ****", "flagged_word"), check("heck, darn"), "flag and mask");
    assertRejected("heck, darn, fuck", "profanity");
  }

  @Test
  void termsInOtherScriptsMatchToo() {
    WordList list = WordList.parse(List.of("блять reject:ru", "*傻逼* reject:zh", "ﬁlth mask"));
    assertEquals(new FilterVerdict.Reject("ru"), list.check("ну БЛЯЯЯТЬ"));
    assertEquals(
        new FilterVerdict.Reject("zh"), list.check("你是傻逼吗"), "scripts without spaces need *term*");
    assertEquals(
        new FilterVerdict.Mask("*****"),
        list.check("filth"),
        "a ligature in the term is folded too");
  }

  @Test
  void aReplacedListTakesOverForTheNextCheck() {
    WordListFilter filter = new WordListFilter(WordList.empty());
    assertEquals(FilterVerdict.ALLOW, filter.check(null, null, "darn"));
    filter.replace(LIST);
    assertEquals(new FilterVerdict.Mask("****"), filter.check(null, null, "darn"));
  }

  @Test
  void anEmptyListAllowsEverything() {
    assertEquals(FilterVerdict.ALLOW, WordList.empty().check("anything at all"));
    assertEquals(FilterVerdict.ALLOW, LIST.check(""));
  }

  @Test
  void duplicatesKeepTheStrongestAction() {
    WordList list = WordList.parse(List.of("darn mask", "DARN reject:dup", "darn flag"));
    assertEquals(new FilterVerdict.Reject("dup"), list.check("darn"));
  }

  @Test
  void badLinesAreRefusedWithTheirNumber() {
    assertEquals(
        "line 2: unknown action \"rejct\" (expected mask, flag or reject)",
        assertThrows(
                IllegalArgumentException.class,
                () -> WordList.parse(List.of("ok mask", "bad rejct")))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> WordList.parse(List.of("lonely")))
            .getMessage()
            .startsWith("line 1: expected"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> WordList.parse(List.of("x reject:Bad Reason")))
            .getMessage()
            .startsWith("line 1: unknown action"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> WordList.parse(List.of("x reject:BAD")))
            .getMessage()
            .startsWith("line 1: reason must be"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> WordList.parse(List.of("... mask")))
            .getMessage()
            .contains("has no letter or digit"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> WordList.parse(List.of("f*ck mask")))
            .getMessage()
            .contains("'*' may only start or end a term"));
  }
}
