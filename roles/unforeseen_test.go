package roles_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/yishi-council/yishi/roles"
	"github.com/yishi-council/yishi/roles/plan"
	"github.com/yishi-council/yishi/roles/roster"
	"github.com/yishi-council/yishi/scenario"
)

// unforeseenScenarioYAML knows five backgrounds and none of 专家, 辖区单位,
// 社会组织, 网格员 or 志愿者. Its "outsider" role may be played by nobody
// of a known background, which a new background matches none of.
const unforeseenScenarioYAML = `version: 1
id: unforeseen-test
title: 加装电梯协商
language: zh
method: consensus-workshop
duration: 60m
backgrounds:
  - {id: discussion-class, label: {en: Discussion-class member, zh: 议事班成员}, aliases: [议事员]}
  - {id: property-manager, label: {en: Property-management staff, zh: 物业人员}, aliases: [物业]}
  - {id: social-worker, label: {en: Social worker, zh: 社会工作者}, aliases: [社工]}
  - {id: resident-rep, label: {en: Resident representative, zh: 居民代表}, aliases: [楼门长]}
  - {id: community-cadre, label: {en: Community cadre, zh: 社区干部}, aliases: [居委会]}
issue:
  background: 三号楼没有电梯。
  focus_question: 怎样加装一部每户都能接受的电梯？
  public_facts: [政府补贴一部分费用。]
agenda:
  - {id: open, title: 开场, minutes: 5, led_by: host}
  - {id: views, title: 各方陈述, minutes: 25}
roles:
  - {id: host, title: 主持人, function: host, brief: 你主持会议。}
  - {id: recorder, title: 记录员, function: recorder, brief: 你记录结果。}
  - id: outsider
    title: 外来的声音
    function: stakeholder
    min: 1
    max: 1
    brief: 你从外面看这件事。
    avoid_background: [discussion-class, property-manager, social-worker, resident-rep, community-cadre]
  - {id: resident, title: 一楼住户, function: stakeholder, brief: 你住一楼。}
grouping:
  size: {min: 3, max: 6}
  mix: [{attribute: unit, weight: 3}, {attribute: background, weight: 2}]
rubric:
  id: tiny
  title: {zh: 复盘}
  scale: {min: 1, max: 3}
  dimensions:
    - id: hosting
      title: {zh: 主持}
      levels:
        - {score: 1, descriptor: {zh: 弱}}
        - {score: 3, descriptor: {zh: 强}}
`

// signupRows are a street office's trainees, five of them of backgrounds
// the scenario did not foresee.
var signupRows = []string{
	"1,王秀英,石庄社区,楼门长,13800000001,腿脚不便",
	"2,李建华,石庄社区,社工,13800000002,",
	"3,张磊,东坝村,物业,13800000003,",
	"4,陈晓燕,东坝村,专家,13800000004,",
	"5,赵刚,南口社区,辖区单位,13800000005,",
	"6,孙桂兰,南口社区,社会组织,13800000006,",
	"7,周文斌,石庄社区,网格员,13800000007,",
	"8,吴芳,东坝村,志愿者,13800000008,",
	"9,郑国强,南口社区,辖区单位 ,13800000009,",
	"10,冯丽,石庄社区,议事员,13800000010,",
	"11,何伟,东坝村,专家,13800000011,",
	"12,韩梅,南口社区,居委会,13800000012,",
}

func signupRoster(t *testing.T, s *scenario.Scenario, rows []string) *roster.Roster {
	t.Helper()
	csv := "XX街道协商议事培训报名表\n序号,姓名,所在社区,身份/类别,手机号,备注\n" + strings.Join(rows, "\n") + "\n注：请于3月1日前报送\n"
	r, diags := roster.Parse("报名表.csv", []byte(csv), s, roster.Options{})
	require.NoError(t, diags.Err())
	require.Len(t, r.Trainees, len(rows))
	return r
}

// A background the scenario did not foresee is mixed like any other,
// matches none of a casting rule's backgrounds, reaches the plan as its
// label, and the plan does not depend on the order of the rows.
func TestAssignUnforeseenBackgrounds(t *testing.T) {
	s, diags := scenario.ParseScenario("unforeseen.yaml", []byte(unforeseenScenarioYAML), nil)
	require.NoError(t, diags.Err())
	r := signupRoster(t, s, signupRows)
	p := assign(t, s, r, roles.AssignOptions{Groups: 3, Rounds: 3, Seed: 7})
	require.Empty(t, p.Unmet)

	unforeseen := map[string]bool{"专家": true, "辖区单位": true, "社会组织": true, "网格员": true, "志愿者": true}
	for _, rd := range p.Rounds {
		for _, g := range rd.Groups {
			count := map[string]int{}
			for _, m := range g.Members {
				count[m.Background]++
				if m.Role == "outsider" {
					assert.True(t, unforeseen[m.Background], "round %d: %s (%s) plays the outsider, whom no known background may play", rd.Round, m.ID, m.Background)
				}
				if m.ID == "1" {
					assert.Equal(t, "腿脚不便", m.Remarks)
				} else {
					assert.Empty(t, m.Remarks)
				}
			}
			// Two 专家 and two 辖区单位 in three groups of four: in the
			// first round, before avoiding repeat pairs weighs in too,
			// mixing keeps each pair apart.
			if rd.Round == 1 {
				assert.LessOrEqual(t, count["专家"], 1, "group %d", g.Group)
				assert.LessOrEqual(t, count["辖区单位"], 1, "group %d", g.Group)
			}
		}
	}
	out, err := plan.Marshal(p)
	require.NoError(t, err)
	assert.NotContains(t, string(out), "1380000000", "phone numbers never reach the plan")
	assert.Contains(t, string(out), "background: 辖区单位\n")

	reversed := slices.Clone(signupRows)
	slices.Reverse(reversed)
	again := assign(t, s, signupRoster(t, s, reversed), roles.AssignOptions{Groups: 3, Rounds: 3, Seed: 7})
	p.Roster.SHA256, again.Roster.SHA256 = "", ""
	a, err := plan.Marshal(p)
	require.NoError(t, err)
	b, err := plan.Marshal(again)
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b), "the order of the rows does not change the plan")
}
