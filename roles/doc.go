// Package roles turns a roster and a scenario into a plan: it imports the
// roster, forms mixed groups, assigns roles and renders role cards.
package roles
