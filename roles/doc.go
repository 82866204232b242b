// Package roles turns a roster and a scenario into a plan: it forms mixed
// groups with the optimiser in [grouping] and casts a role for every member
// with a minimum-cost assignment, rotating host and recorder across rounds
// ([Assign]). A trainee's availability column places them only in the
// rounds they attend. [Amend] changes a plan on the day (the absent, the
// walk-ins, swaps and moves) keeping every seat and role that can stay,
// and says how few seats any amendment could have moved.
//
// Its subpackages hold the pieces the rest of yishi calls on their own:
// [roster] reads the sign-up sheet, [plan] is the plan model that cards,
// scoresheets, the report and the room read, [grouping] is the MDGP
// optimiser, and [github.com/yishi-council/yishi/roles/cards] renders role
// cards and the trainer's master sheet.
package roles
