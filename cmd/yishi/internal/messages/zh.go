package messages

// The Chinese table: simplified Chinese (zh-Hans) for every English
// format of the code, by the English, kept in Go maps so that a reviewer
// reads each English text beside its Chinese and the compiler checks the
// file. They are split by the packages whose messages they hold.
//
// Glossary — the words a street-office trainer uses; every entry keeps to
// them:
//
//	scenario 情景              role 角色                 role card 角色卡
//	trainee 学员               roster 学员名单            group 组（第 3 组）、分组
//	round 轮次（第 2 轮）       plan 分组方案              plan id 方案编号
//	host 主持人                recorder 记录员            stakeholder 利益相关方
//	observer 观察员            agenda 议程                agenda phase 议程环节
//	inject 情景注入            background 背景类别         unit 社区
//	rubric 评分量表            dimension 维度             level descriptor 等级描述
//	scoresheet 评分表          reviewer 评审员            evidence 依据
//	strengths 亮点             improvements 改进建议       debrief report 复盘报告
//	debrief guide 复盘引导      disagreement 分歧          agreement 一致性
//	master sheet 总表          trainer 培训师             public brief 公开说明
//	confidential brief 保密说明 seed 随机种子              diversity 多样性
//	bound 上限                 repeat pairing 重复同组     keep apart 不同组
//	quota 配额                 id 编号                   sheet (XLSX) 工作表
//	row/column 行/列（第 3 行 G 列） header 表头          cell 单元格
//	file/folder 文件/文件夹     mapping/list 映射/列表      flag 选项
//
// Punctuation: full-width （），：；、 in Chinese text; a position
// (file:line:col) keeps its ASCII colon, and quoted user data (%q), ids,
// file names and commands stay as typed. Where the word order differs,
// the verbs are indexed (%[2]d).
var zh = merge(zhCLI, zhScenario, zhRoles, zhReview, zhDay, zhRoom, zhHistory, zhLog, zhMeasures, zhLint, zhFit)

func merge(tables ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, t := range tables {
		for k, v := range t {
			if _, dup := out[k]; dup && out[k] != v {
				panic("messages: " + k + " is translated twice, differently")
			}
			out[k] = v
		}
	}
	return out
}
