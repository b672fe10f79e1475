package org.parley.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.portal.admin.StandardsDiff.Change;
import org.parley.portal.admin.StandardsDiff.Entry;
import org.parley.portal.admin.StandardsDiff.Field;
import org.parley.portal.admin.StandardsDiff.Section;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StandardsDiffTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode read(String text) {
        return json.readTree(text.replace('\'', '"'));
    }

    private static final String IN_FORCE = """
            {'version':3,'summary':'Third','active':true,
             'contentCategories':[
               {'code':'TERROR','name':'Terrorist content','definition':'Incites offences','legalReferences':['TCO Art. 2'],
                'notCovered':['News'],'incitement':true},
               {'code':'EXTREMISM','name':'Violent extremism','definition':'Glorifies violence','legalReferences':['ICCPR 20'],
                'notCovered':['Research'],'incitement':false}],
             'requestRules':{'minStatementLength':40,'transparencyK':5,'judicialAuthorisationRequiredFor':['CONTENT','TRAFFIC'],
               'legitimateAims':['NATIONAL_SECURITY','PUBLIC_ORDER'],
               'answerTimes':[{'type':'REMOVAL_ORDER','minutes':60,'advisory':false},{'type':'REFERRAL','minutes':1440,'advisory':true}]}}""";

    @Test
    void theSameDocumentChangesNothingWhateverItsSummaryVersionAndUnorderedLists() {
        JsonNode proposed = read(IN_FORCE.replace("'Third'", "'Fourth'").replace("'version':3,", "")
                .replace("['CONTENT','TRAFFIC']", "['TRAFFIC','CONTENT']")
                .replace("['NATIONAL_SECURITY','PUBLIC_ORDER']", "['PUBLIC_ORDER','NATIONAL_SECURITY']"));
        StandardsDiff diff = StandardsDiff.between(read(IN_FORCE), proposed);
        assertThat(diff.empty()).isTrue();
        assertThat(diff.entries()).isEmpty();
    }

    @Test
    void aCategoryWithANewCodeIsAddedWithEveryFieldItHas() {
        JsonNode proposed = read(IN_FORCE.replace("'contentCategories':[", """
                'contentCategories':[{'code':'HATE','name':'Hate speech','definition':'Advocacy of hatred',
                 'legalReferences':['ICCPR 20(2)','CERD 4'],'notCovered':[],'incitement':true},"""));
        StandardsDiff diff = StandardsDiff.between(read(IN_FORCE), proposed);
        assertThat(diff.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.change()).isEqualTo(Change.ADDED);
            assertThat(entry.section()).isEqualTo(Section.CONTENT_CATEGORY);
            assertThat(entry.key()).isEqualTo("HATE");
            // the key is the entry's name, not one of its fields; an empty list has no value to show
            assertThat(entry.fields()).containsExactly(new Field("name", null, "Hate speech"),
                    new Field("definition", null, "Advocacy of hatred"),
                    new Field("legalReferences", null, "ICCPR 20(2) · CERD 4"),
                    new Field("incitement", null, "true"));
        });
    }

    @Test
    void aCategoryLeftOutIsRemovedWithWhatItWas() {
        JsonNode inForce = read(IN_FORCE);
        JsonNode proposed = read(IN_FORCE);
        ((tools.jackson.databind.node.ArrayNode) proposed.get("contentCategories")).remove(1);
        StandardsDiff diff = StandardsDiff.between(inForce, proposed);
        assertThat(diff.of(Change.REMOVED)).singleElement().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo("EXTREMISM");
            assertThat(entry.fields()).extracting(Field::name)
                    .containsExactly("name", "definition", "legalReferences", "notCovered", "incitement");
            assertThat(entry.fields()).allSatisfy(field -> assertThat(field.after()).isNull());
            assertThat(entry.fields().get(4).before()).isEqualTo("false");
        });
        assertThat(diff.of(Change.ADDED)).isEmpty();
        assertThat(diff.of(Change.CHANGED)).isEmpty();
    }

    @Test
    void aChangedCategoryNamesOnlyTheFieldsThatDiffer() {
        JsonNode proposed = read(IN_FORCE.replace("'Incites offences'", "'Incites or glorifies offences'")
                .replace("['TCO Art. 2']", "['TCO Art. 2','StGB 91']").replace("'incitement':true", "'incitement':false"));
        StandardsDiff diff = StandardsDiff.between(read(IN_FORCE), proposed);
        assertThat(diff.entries()).containsExactly(new Entry(Change.CHANGED, Section.CONTENT_CATEGORY, "TERROR", java.util.List.of(
                new Field("definition", "Incites offences", "Incites or glorifies offences"),
                new Field("legalReferences", "TCO Art. 2", "TCO Art. 2 · StGB 91"),
                new Field("incitement", "true", "false"))));
    }

    @Test
    void requestRulesAreComparedFieldByFieldAndAnswerTimesByType() {
        JsonNode proposed = read(IN_FORCE.replace("'transparencyK':5", "'transparencyK':10")
                .replace("['CONTENT','TRAFFIC']", "['CONTENT']")
                .replace("{'type':'REMOVAL_ORDER','minutes':60,'advisory':false}", "{'type':'REMOVAL_ORDER','minutes':30,'advisory':false}")
                .replace(",{'type':'REFERRAL','minutes':1440,'advisory':true}", ",{'type':'PRESERVATION','minutes':2880,'advisory':false}"));
        StandardsDiff diff = StandardsDiff.between(read(IN_FORCE), proposed);
        assertThat(diff.entries()).containsExactly(
                new Entry(Change.CHANGED, Section.REQUEST_RULES, null, java.util.List.of(
                        new Field("transparencyK", "5", "10"),
                        new Field("judicialAuthorisationRequiredFor", "CONTENT · TRAFFIC", "CONTENT"))),
                new Entry(Change.CHANGED, Section.ANSWER_TIME, "REMOVAL_ORDER", java.util.List.of(new Field("minutes", "60", "30"))),
                new Entry(Change.REMOVED, Section.ANSWER_TIME, "REFERRAL", java.util.List.of(
                        new Field("minutes", "1440", null), new Field("advisory", "true", null))),
                new Entry(Change.ADDED, Section.ANSWER_TIME, "PRESERVATION", java.util.List.of(
                        new Field("minutes", null, "2880"), new Field("advisory", null, "false"))));
    }

    @Test
    void aFieldOnlyOneSideHasIsAChangeFromOrToNothing() {
        JsonNode proposed = read(IN_FORCE.replace("'minStatementLength':40,", "").replace("'transparencyK':5,", "'transparencyK':5,'maxGagDays':90,"));
        StandardsDiff diff = StandardsDiff.between(read(IN_FORCE), proposed);
        assertThat(diff.entries()).singleElement().satisfies(entry -> assertThat(entry.fields()).containsExactly(
                new Field("minStatementLength", "40", null), new Field("maxGagDays", null, "90")));
    }

    @Test
    void aDraftWithoutCategoriesOrRulesRemovesThemAndEntriesWithoutACodeAreNumbered() {
        StandardsDiff none = StandardsDiff.between(read(IN_FORCE), read("{'summary':'empty'}"));
        assertThat(none.of(Change.REMOVED)).extracting(Entry::key).containsExactly("TERROR", "EXTREMISM", "REMOVAL_ORDER", "REFERRAL");
        assertThat(none.of(Change.CHANGED)).singleElement().extracting(Entry::section).isEqualTo(Section.REQUEST_RULES);

        StandardsDiff uncoded = StandardsDiff.between(read("{'contentCategories':[]}"),
                read("{'contentCategories':[{'name':'No code yet'}]}"));
        assertThat(uncoded.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.change()).isEqualTo(Change.ADDED);
            assertThat(entry.key()).isEqualTo("#1");
        });
    }
}
