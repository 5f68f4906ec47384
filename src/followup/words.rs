//! The genre's words that follow-up reads plans by, written as keys
//! (Simplified, normal form): the verbs that start an action, the
//! modifiers that may stand before them, the exhortations that promise
//! nothing one could check, the words that make a clause lead into the
//! next, and the stock verbs and modifiers every plan uses, which say
//! little of what a plan is about. They are the genre's, read from
//! government work reports and rule-of-law reports of many places and
//! years, never from one file's sentences.

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

/// Words looked up at the start of a run of keys: by their first char,
/// then longest first, so that a look-up costs one hash of a char and a
/// few comparisons, however long the list.
pub(crate) struct Lexicon {
    by_first: HashMap<char, Vec<Vec<char>>>,
}

impl Lexicon {
    /// `words` apart by spaces (a no-break space stands for a space
    /// inside a word).
    fn new(words: &str) -> Lexicon {
        let mut by_first: HashMap<char, Vec<Vec<char>>> = HashMap::default();
        for w in words.split_ascii_whitespace() {
            let w: Vec<char> = w
                .chars()
                .map(|c| if c == '\u{a0}' { ' ' } else { c })
                .collect();
            if let Some(&c) = w.first() {
                by_first.entry(c).or_default().push(w);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Lexicon { by_first }
    }

    /// The length of the longest word `keys` starts with.
    pub(crate) fn at_start(&self, keys: &[char]) -> Option<usize> {
        let list = self.by_first.get(keys.first()?)?;
        list.iter().find(|w| keys.starts_with(w)).map(Vec::len)
    }

    /// Whether any word stands anywhere in `keys`.
    pub(crate) fn anywhere(&self, keys: &[char]) -> bool {
        (0..keys.len()).any(|i| self.at_start(&keys[i..]).is_some())
    }
}

/// Verbs that start a new action: a clause that begins with one (after
/// its modifiers) is a commitment of its own.
pub(crate) static VERBS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        "实施 推进 推动 加快 制定 扩大 深化 完善 健全 建立 建设 加强 强化 \
         提高 提升 降低 减少 取消 延长 延续 开展 启动 完成 落实 优化 规范 \
         发展 培育 支持 鼓励 引导 促进 保障 确保 稳定 保持 增加 加大 整治 \
         治理 打击 防范 化解 做好 抓好 办好 筹办 举办 承办 设立 设置 增设 \
         组建 修订 修改 出台 研究 探索 推广 拓宽 拓展 缩减 压减 精简 简化 \
         清理 放开 允许 严控 严禁 严厉 严防 遏制 改革 改善 补齐 补上 提供 \
         实行 执行 建成 新建 改造 新开工 开工 纳入 将 把 构建 打造 创建 编制 \
         引进 争取 实现 巩固 壮大 淘汰 关停 搬迁 迁建 新增 推行 运用 用好 用 \
         扶持 减免 免征 下调 上调 缓缴 发放 安排 投资 投入 确定 拆除 铺设 \
         修建 整合 组织 采取 扩容 升级 消除 解决 保护 防止 防控 控制 监管 \
         查处 维护 畅通 释放 激发 增强 发挥 做强 开发 利用 部署 发行 帮扶 \
         救助 谋划 考虑 加入 调动 筹备 搭建 统筹 签署 推出 开通 落细 兜住 \
         守住 筑牢 织密 着手 启用 开设 创新 繁荣 传承 深挖 盘活 加紧 抓紧 \
         办理 承接 对接 引育 严格 给予 学习 宣传 退还 减征 免除 清退 整改 \
         督促 推进实施 开辟 建好",
    )
});

/// Modifiers that may stand before an action's verb (继续, 进一步, 大力,
/// 今年要, …): taken off one by one until a verb shows.
pub(crate) static MODIFIERS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        "要 还要 都要 也要 就要 今年要 今年 年内 将 并 还 也 都 同时 继续 \
         进一步 大力 积极 稳步 有序 扎实 持续 深入 全面 切实 坚决 稳妥 稳慎 \
         逐步 适度 适当 多渠道 多措并举 分层分类 着力 努力 更好 更加 大幅 \
         毫不放松 务必 必须 重点 集中 精心 创新 依法 有效 及时 科学 统筹 再 \
         抓紧 尽快 全力 认真 严格 加快 大规模 常态化 分类 动态 主动 广泛 合理 \
         因地制宜 着重 深度 高质量 纵深 基本 拟 加紧 不再 各地要 各级政府要 \
         我们要 我们将 政府要 锲而不舍 持之以恒 坚定不移 毫不松懈 久久为功 \
         一以贯之 千方百计 想方设法",
    )
});

/// Exhortations: a clause that starts with one (坚持…, 不断…) promises
/// nothing one could find done, unless an action follows it at once
/// (坚持和完善…机制).
pub(crate) static EXHORTATIONS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        "坚持 不断 始终 牢固树立 树立 弘扬 倡导 践行 毫不动摇 立足 着眼 力戒 \
         切忌 注重 秉持 恪守 贯彻 坚守 坚定",
    )
});

/// Words that make a clause lead into the next one (对…的企业，继续给予…;
/// 在…基础上，再减半…): the clause belongs to the commitment after it.
pub(crate) static LEADS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        "对 在 为 以 通过 按照 围绕 根据 针对 考虑到 面对 随着 结合 依托 \
         聚焦 基于 鉴于 借助 紧扣 从 当",
    )
});

/// Words that open a clause carrying on the action before it: its aim
/// (加快推进…前期工作，力争年内开工建设) or its effect (…，从而…).
pub(crate) static CARRIES_ON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new("力争 从而 进而 以便"));

/// What says a clause is a subject's action though no verb opens it
/// (中央本级支出继续安排负增长).
pub(crate) static MODALS: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new("要 将 继续 拟 进一步 务必 力争"));

/// Sentences that state the year's guiding line, introduce a list or
/// explain the targets: the year's stance, not a commitment.
pub(crate) static STANCE: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        "为指导 总基调 总体要求 以下 预期目标 指导思想 的一年 之年 面临 \
         必将 当前 方面的工作 方面工作 做好政府工作 做好今年工作",
    )
});

/// The stock verbs and modifiers of plans and reviews: two texts sharing
/// them share little (see `matching`).
pub(crate) const STOCK: &str = "推进 推动 加强 强化 深化 完善 健全 建立 实施 加快 提高 提升 优化 \
     落实 做好 抓好 开展 坚持 继续 稳步 有序 深入 着力 支持 促进 保障 \
     确保 实现 进一步 积极 大力 全面 扎实 切实 不断 持续 有效 扩大 加大 \
     力度 工作 机制 体系 水平 能力 推行 发挥 作用 增长 下降 更加 更好 \
     建设 发展 政策 稳定 保持 增强 规范 创新 重点 各类 相关 取得 进展 \
     成效 明显 显著";

/// Where a page's footer, licence or site notice begins (a document
/// site's "本作品…属于公有领域", "版权所有", "京ICP备…"): never report text.
pub(crate) static FOOTER: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(
        "本作品 公有领域 版权所有 ICP备 公网安备 维基文库 维基百科 知识共享 \
         许可协议 Public\u{a0}domain public\u{a0}domain \
         Copyright copyright ©",
    )
});

/// What opens a clause once its modifiers are off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// A verb of action (or an exhortation an action follows at once:
    /// 坚持和完善…).
    Action,
    /// An exhortation (坚持…, 不断…).
    Exhortation,
    /// A word that leads into the next clause (对, 在, 围绕, …), at this
    /// char of the clause.
    Lead(usize),
    None,
}

/// Reads what opens `keys`: the modifiers are taken off one by one and
/// the opening looked for after each, so that a verb that is also a
/// modifier (加快电商…, 创新…模式) still counts.
pub fn opening(keys: &[char]) -> Opening {
    let mut at = 0;
    loop {
        let rest = &keys[at..];
        if VERBS.at_start(rest).is_some() {
            return Opening::Action;
        }
        if let Some(n) = EXHORTATIONS.at_start(rest) {
            let after = &rest[n..];
            let joined = matches!(after.first(), Some('和' | '并'))
                && opening(&after[1..]) == Opening::Action;
            return if joined {
                Opening::Action
            } else {
                Opening::Exhortation
            };
        }
        if let Some(n) = LEADS.at_start(rest) {
            return Opening::Lead(at + n);
        }
        match MODIFIERS.at_start(rest) {
            Some(n) if n < rest.len() => at += n + list_marks(&rest[n..]),
            _ => return Opening::None,
        }
    }
}

/// Whether a verb of action with an object of two chars or more stands
/// in `keys` past their first two chars: a clause led by 对 or 在 that
/// does its own action (对先进制造业企业按月全额退还…税额), not one whose
/// lead names the means (通过专项整治, 围绕打造…).
pub(crate) fn acts_after_lead(keys: &[char]) -> bool {
    (2..keys.len()).any(|i| {
        VERBS
            .at_start(&keys[i..])
            .is_some_and(|n| i + n + 2 <= keys.len())
    })
}

fn list_marks(keys: &[char]) -> usize {
    keys.iter().take_while(|&&c| c == '、' || c == ' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn actions_and_exhortations_are_told_apart() {
        for action in [
            "实施好关键核心技术攻关工程",
            "继续毫不放松做好外防输入",
            "加快电商、快递进农村",
            "今年要基本实现跨省通办",
            "坚持和完善东西部协作机制",
            "锲而不舍落实中央八项规定精神",
        ] {
            assert_eq!(opening(&keys(action)), Opening::Action, "{action}");
        }
        for exhortation in [
            "坚持稳中求进工作总基调",
            "不断提高政治判断力",
            "始终坚持人民至上",
        ] {
            assert_eq!(
                opening(&keys(exhortation)),
                Opening::Exhortation,
                "{exhortation}"
            );
        }
        assert_eq!(opening(&keys("切实为基层松绑减负")), Opening::Lead(3));
        assert_eq!(
            opening(&keys("市场主体都是国家现代化的建设者")),
            Opening::None
        );
        assert!(FOOTER.anywhere(&keys("本作品是中华人民共和国的")));
    }
}
