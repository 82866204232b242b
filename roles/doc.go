// Package roles turns a roster and a scenario into a plan: it forms mixed
// groups with the optimiser in [grouping] and casts a role for every member
// with a minimum-cost assignment, rotating host and recorder across rounds.
//
// Its subpackages hold the pieces the rest of yishi calls on their own:
// [roster] reads the sign-up sheet, [plan] is the plan model that cards,
// scoresheets, the report and the room read, [grouping] is the MDGP
// optimiser, and [github.com/yishi-council/yishi/roles/cards] renders role
// cards and the trainer's master sheet.
package roles
