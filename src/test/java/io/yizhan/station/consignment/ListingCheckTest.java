package io.yizhan.station.consignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listing check against a corpus of compliant and non-compliant farm-produce titles, the
 * exemptions included, and the offsets a screen highlights with.
 */
class ListingCheckTest {

    private final ListingCheck check = new ListingCheck();

    private List<String> words(String title) {
        return check.check(title, "").hits().stream().map(ListingCheck.Hit::word).toList();
    }

    @Test
    void compliantTitlesPass() {
        for (String title : List.of("赣南脐橙 5斤装 当季现摘", "农家散养土鸡蛋 30枚", "特级 东北五常大米 10kg", "一级 新鲜菠菜 最佳食用期 3 天",
                "自家种植 红富士苹果 最后一批", "有机认证 小米 2.5kg", "山核桃 手工炒制 最近三天新炒", "冷藏 0–4℃ 最佳保存温度")) {
            assertThat(check.check(title, "").ok()).as(title).isTrue();
        }
    }

    @Test
    void absoluteTermsAndHealthClaimsAreFlaggedWithTheirRule() {
        assertThat(words("全网第一 最好吃的脐橙")).containsExactly("全网第一", "最好");
        assertThat(words("国家级 极品 野生蜂蜜 100% 纯天然")).containsExactly("国家级", "极品", "100%");
        assertThat(words("苦瓜茶 降血糖 抗癌")).containsExactly("降血糖", "抗癌");
        assertThat(words("最新鲜的菠菜")).as("the longest term wins").containsExactly("最新鲜");
        ListingCheck.Hit hit = check.check("苦瓜茶 降血糖", "").hits().getFirst();
        assertThat(hit.rule()).isEqualTo("HEALTH_CLAIM");
        assertThat(hit.law()).contains("食品安全法");
        assertThat(hit.suggestion()).isNotBlank();
    }

    @Test
    void offsetsAreCharactersOfTheirFieldEndExclusive() {
        ListingCheck.Result r = check.check("🍊橙子", "好吃，绝对新鲜");
        assertThat(r.ok()).isFalse();
        ListingCheck.Hit hit = r.hits().getFirst();
        assertThat(hit.field()).isEqualTo("description");
        assertThat(hit.start()).isEqualTo(3);
        assertThat(hit.end()).isEqualTo(5);
        ListingCheck.Result emoji = check.check("🍊第一", "");
        assertThat(emoji.hits().getFirst().start()).as("an emoji is one character").isEqualTo(1);
    }

    @Test
    void aListingOfNothingButBannedWordsIsFlaggedWordByWord() {
        ListingCheck.Result r = check.check("最好第一顶级", "绝对独家唯一");
        assertThat(r.ok()).isFalse();
        assertThat(r.hits()).hasSize(6);
    }
}
